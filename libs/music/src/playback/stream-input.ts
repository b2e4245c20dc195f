import type { Readable } from 'node:stream';
import type { OutboundGuard } from '#outbound';
import { ffprobe } from '../process/ffprobe';
import { runProcess } from '../process/run-process';
import { isPlaylist, opusContainerOf, peek } from '../sources/media-sniff';
import { PLAYLIST_REFUSED } from '../sources/http-source';
import type { YtDlpInfo } from '../sources/ytdlp-json';
import type { LocalLibrary } from '../library/local-library';
import { libraryFile } from './library-file';

/** What the player needs from a queued track to play it. */
export interface PlayableTrack {
  readonly uri: string;
  readonly source: string;
  readonly isStream: boolean;
}

/**
 * Where the audio bytes are and what they are, found just before playing: a file checked to lie
 * in the library, or a body fetched through the outbound guard.
 */
export type StreamInput = { readonly codec: string | null; readonly container: string | null } & (
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'remote'; readonly body: Readable }
);

const YTDLP_SOURCES = new Set(['youtube', 'soundcloud', 'ytdlp']);
/**
 * Prefer a format Discord can take as is: Opus in WebM (YouTube's 251) needs no re-encoding.
 * Only formats served over plain http(s): an HLS/DASH manifest names segment URLs the guard never saw.
 */
export const YTDLP_AUDIO_FORMAT =
  'bestaudio[acodec=opus][protocol^=http]/bestaudio[protocol^=http]/best[protocol^=http]';

export interface InputTools {
  readonly ffprobePath: string;
  readonly ytDlpPath?: string;
  /** Root of the local library: a local track plays only if its real path is inside it. */
  readonly musicDir?: string;
  /**
   * The library in use now (it may appear after start: the demo's); it takes the place of `musicDir`
   * and finds the file of a local track shown by its source URL.
   */
  readonly library?: () => LocalLibrary | undefined;
  /** Every remote byte is fetched through it, every time a track plays. */
  readonly guard: OutboundGuard;
}

/**
 * Finds the audio behind a track. Each play re-checks what it opens: a local path must still
 * resolve (symlinks followed) inside the library; a URL is fetched through the guard again (its
 * address and every redirect re-approved); a yt-dlp page is approved before yt-dlp sees it and
 * the stream URL yt-dlp returns is fetched through the guard. Local files are probed once (cached).
 */
export class StreamInputs {
  private readonly probes = new Map<string, Promise<{ codec: string | null; container: string | null }>>();

  constructor(private readonly tools: InputTools) {}

  async find(track: PlayableTrack): Promise<StreamInput> {
    if (track.source === 'local') return this.fromLibrary(track.uri);
    if (YTDLP_SOURCES.has(track.source)) return this.fromYtDlp(track.uri);
    if (/^https?:\/\//i.test(track.uri)) return this.fetch(track.uri);
    return this.fromLibrary(track.uri);
  }

  /** A library file: by its path, or, for a track shown by its source URL, the file tagged with it. */
  private async fromLibrary(uri: string): Promise<StreamInput> {
    const library = this.tools.library?.();
    let file = uri;
    if (/^https?:\/\//i.test(uri)) {
      const entry = library && (await library.byOrigin(uri));
      if (!library || !entry) throw new Error('no file in the music library is tagged with this source URL');
      file = library.absolutePath(entry);
    }
    const path = await libraryFile(file, library?.root ?? this.tools.musicDir);
    return { kind: 'file', path, ...(await this.probe(path)) };
  }

  private probe(path: string) {
    const cached = this.probes.get(path);
    if (cached) return cached;
    const probing = ffprobe(path, { ffprobePath: this.tools.ffprobePath }).then((r) => ({
      codec: r.codec,
      container: r.container,
    }));
    if (this.probes.size >= 10_000) this.probes.delete(this.probes.keys().next().value!);
    this.probes.set(path, probing);
    probing.catch(() => this.probes.delete(path));
    return probing;
  }

  private async fetch(
    url: string,
    headers?: Readonly<Record<string, string>>,
    known?: { codec: string | null; container: string | null },
  ): Promise<StreamInput> {
    const response = await this.tools.guard.fetch(url, { headers });
    const { head, stream } = await peek(response.body, 4096);
    if (response.status < 200 || response.status > 299) {
      stream.destroy();
      throw new Error(`HTTP ${response.status} from ${response.url.host}`);
    }
    if (isPlaylist(response.headers['content-type'], head)) {
      stream.destroy();
      throw new Error(PLAYLIST_REFUSED);
    }
    const opus = opusContainerOf(head);
    const sniffed = opus ? { codec: 'opus', container: opus } : { codec: null, container: null };
    return { kind: 'remote', body: stream, ...(known ?? sniffed) };
  }

  private async fromYtDlp(uri: string): Promise<StreamInput> {
    if (!this.tools.ytDlpPath) throw new Error('yt-dlp is not installed');
    await this.tools.guard.approve(uri);
    const { stdout, stderr, code } = await runProcess(
      this.tools.ytDlpPath,
      ['-J', '-f', YTDLP_AUDIO_FORMAT, '--no-playlist', '--no-warnings', '--', uri],
      { timeoutMs: 30_000 },
    );
    if (code !== 0) throw new Error(stderr.trim().split('\n').pop() || `yt-dlp exited with ${code}`);
    const info = JSON.parse(stdout) as YtDlpInfo;
    const format = info.requested_formats?.find((f) => f.acodec && f.acodec !== 'none') ?? info;
    if (!format.url) throw new Error('yt-dlp found no stream URL');
    return this.fetch(format.url, format.http_headers, {
      codec: format.acodec ?? null,
      container: format.ext ?? null,
    });
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
