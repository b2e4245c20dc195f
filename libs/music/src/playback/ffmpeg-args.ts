/** How FFmpeg should turn an input into Ogg Opus. */
export interface FfmpegPlan {
  /**
   * A local file (already checked to lie in the library), or `stdin`: bytes Node fetched through
   * the outbound guard. FFmpeg may open nothing else: `-protocol_whitelist` is `file` or `pipe`.
   */
  readonly input: { readonly file: string } | 'stdin';
  readonly positionMs: number;
  /** 0–100; 100 leaves the samples untouched. */
  readonly volume: number;
  /** Copy the Opus packets into Ogg instead of re-encoding (an Opus source at volume 100). */
  readonly copy: boolean;
}

/** Bitrate of re-encoded audio: Discord's voice channels take up to 96–384 kbps; 128k is transparent. */
export const OPUS_BITRATE = '128k';

/**
 * FFmpeg arguments that write Ogg Opus to stdout. Encoding with libopus in FFmpeg means no Opus
 * encoder in JS (prism's demuxer only unwraps Ogg); volume is an FFmpeg filter, so a volume change
 * restarts FFmpeg at the current position instead of scaling PCM in the event loop.
 */
export function ffmpegArgs(plan: FfmpegPlan): string[] {
  const piped = plan.input === 'stdin';
  const seek = plan.positionMs > 0 ? ['-ss', (plan.positionMs / 1000).toFixed(3)] : [];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    // A file can be sought before decoding; a pipe cannot, so FFmpeg reads up to the position and drops it.
    ...(piped ? [] : seek),
    '-protocol_whitelist',
    piped ? 'pipe' : 'file',
    '-i',
    piped ? 'pipe:0' : `file:${(plan.input as { file: string }).file}`,
    ...(piped ? seek : []),
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
