/** How FFmpeg should turn an input into Ogg Opus. */
export interface FfmpegPlan {
  readonly input: string;
  readonly positionMs: number;
  /** 0–100; 100 leaves the samples untouched. */
  readonly volume: number;
  /** Copy the Opus packets into Ogg instead of re-encoding (an Opus source at volume 100). */
  readonly copy: boolean;
  /** Extra HTTP request headers (yt-dlp's `http_headers`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Bitrate of re-encoded audio: Discord's voice channels take up to 96–384 kbps; 128k is transparent. */
export const OPUS_BITRATE = '128k';

/**
 * FFmpeg arguments that write Ogg Opus to stdout. Encoding with libopus in FFmpeg means no Opus
 * encoder in JS (prism's demuxer only unwraps Ogg); volume is an FFmpeg filter, so a volume change
 * restarts FFmpeg at the current position instead of scaling PCM in the event loop.
 */
export function ffmpegArgs(plan: FfmpegPlan): string[] {
  const remote = /^https?:\/\//i.test(plan.input);
  const headers = Object.entries(plan.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    ...(remote ? ['-reconnect', '1', '-reconnect_streamed', '1', '-reconnect_delay_max', '5'] : []),
    ...(headers ? ['-headers', headers] : []),
    ...(plan.positionMs > 0 ? ['-ss', (plan.positionMs / 1000).toFixed(3)] : []),
    '-i',
    plan.input,
    '-vn',
    '-map',
    '0:a:0',
    ...(plan.copy
      ? ['-c:a', 'copy']
      : [
          ...(plan.volume !== 100 ? ['-af', `volume=${(plan.volume / 100).toFixed(2)}`] : []),
          '-c:a',
          'libopus',
          '-b:a',
          OPUS_BITRATE,
          '-ar',
          '48000',
          '-ac',
          '2',
          // Discord plays one 20 ms frame per packet.
          '-frame_duration',
          '20',
        ]),
    '-f',
    'ogg',
    'pipe:1',
  ];
}
