import { fileURLToPath } from 'node:url';
import { ffprobe } from '../process/ffprobe';
import { runProcess } from '../process/run-process';
import type { YtDlpInfo } from '../sources/ytdlp-json';

/** What the player needs from a queued track to play it. */
export interface PlayableTrack {
  readonly uri: string;
  readonly source: string;
  readonly isStream: boolean;
}

/** Where the audio bytes are and what they are, found just before playing. */
export interface StreamInput {
  /** A local path or an http(s) URL FFmpeg can open. */
  readonly input: string;
  readonly local: boolean;
  readonly codec: string | null;
  /** `ogg`, `webm` or another container name. */
  readonly container: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

const YTDLP_SOURCES = new Set(['youtube', 'soundcloud', 'ytdlp']);
/** Prefer a format Discord can take as is: Opus in WebM (YouTube's 251) needs no re-encoding. */
export const YTDLP_AUDIO_FORMAT = 'bestaudio[acodec=opus]/bestaudio/best';

export interface InputTools {
  readonly ffprobePath: string;
  readonly ytDlpPath?: string;
}

/**
 * Finds the audio behind a track. Local files and direct URLs are probed with FFprobe (cached:
 * a file is probed once however often it plays); yt-dlp pages are asked for a fresh stream URL
 * every time, because those URLs expire.
 */
export class StreamInputs {
  private readonly probes = new Map<string, Promise<{ codec: string | null; container: string | null }>>();

  constructor(private readonly tools: InputTools) {}

  async find(track: PlayableTrack): Promise<StreamInput> {
    if (YTDLP_SOURCES.has(track.source)) return this.fromYtDlp(track.uri);
    const local = !/^https?:\/\//i.test(track.uri);
    const input = track.uri.startsWith('file:') ? fileURLToPath(track.uri) : track.uri;
    const { codec, container } = await this.probe(input, !track.isStream);
    return { input, local, codec, container };
  }

  private probe(input: string, cacheable: boolean) {
    const cached = this.probes.get(input);
    if (cached) return cached;
    const probing = ffprobe(input, { ffprobePath: this.tools.ffprobePath }).then((r) => ({
      codec: r.codec,
      container: r.container,
    }));
    if (cacheable) {
      if (this.probes.size >= 10_000) this.probes.delete(this.probes.keys().next().value!);
      this.probes.set(input, probing);
      probing.catch(() => this.probes.delete(input));
    }
    return probing;
  }

  private async fromYtDlp(uri: string): Promise<StreamInput> {
    if (!this.tools.ytDlpPath) throw new Error('yt-dlp is not installed');
    const { stdout, stderr, code } = await runProcess(
      this.tools.ytDlpPath,
      ['-J', '-f', YTDLP_AUDIO_FORMAT, '--no-playlist', '--no-warnings', '--', uri],
      { timeoutMs: 30_000 },
    );
    if (code !== 0) throw new Error(stderr.trim().split('\n').pop() || `yt-dlp exited with ${code}`);
    const info = JSON.parse(stdout) as YtDlpInfo;
    const format = info.requested_formats?.find((f) => f.acodec && f.acodec !== 'none') ?? info;
    if (!format.url) throw new Error('yt-dlp found no stream URL');
    return {
      input: format.url,
      local: false,
      codec: format.acodec ?? null,
      container: format.ext ?? null,
      headers: format.http_headers,
    };
  }
}

/** Ogg or WebM Opus: what Discord can take without re-encoding. */
export function opusContainer(input: StreamInput): 'ogg' | 'webm' | undefined {
  if (input.codec !== 'opus') return undefined;
  const container = input.container ?? '';
  if (/ogg|opus/.test(container)) return 'ogg';
  if (/webm|matroska/.test(container)) return 'webm';
  return undefined;
}
