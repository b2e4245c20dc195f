import { runProcess } from './run-process';

/** What FFprobe tells about a media file or URL. */
export interface ProbeResult {
  readonly durationMs: number;
  readonly codec: string | null;
  /** FFmpeg's format name, e.g. `ogg`, `matroska,webm`, `mp3`. */
  readonly container: string | null;
  readonly tags: Readonly<Record<string, string>>;
  readonly isStream: boolean;
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
  streams?: { codec_type?: string; codec_name?: string; tags?: Record<string, string> }[];
}

/** Thrown when FFprobe cannot open the input or finds no audio in it. */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

/**
 * Probes a local file for its first audio stream; FFprobe may open that file and nothing else
 * (remote media is read in-process, through the outbound guard). Tag keys are lower-cased:
 * formats disagree on case (ID3 `TITLE` vs Vorbis `title`).
 */
export async function ffprobe(
  path: string,
  options: { ffprobePath?: string; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const { stdout, code, stderr } = await runProcess(
    options.ffprobePath ?? 'ffprobe',
    [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      '-select_streams',
      'a:0',
      '-protocol_whitelist',
      'file',
      '-i',
      `file:${path}`,
    ],
    { timeoutMs: options.timeoutMs ?? 15_000, maxBytes: 4 * 1024 * 1024 },
  );
  if (code !== 0) throw new ProbeError(stderr.trim().split('\n').pop() || `ffprobe exited with ${code}`);
  const json = JSON.parse(stdout) as FfprobeJson;
  const audio = json.streams?.find((s) => s.codec_type === 'audio');
  if (!audio) throw new ProbeError('no audio stream');
  const seconds = Number(json.format?.duration);
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...audio.tags, ...json.format?.tags })) {
    tags[key.toLowerCase()] = value;
  }
  return {
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0,
    codec: audio.codec_name ?? null,
    container: json.format?.format_name ?? null,
    tags,
    isStream: !Number.isFinite(seconds),
  };
}
