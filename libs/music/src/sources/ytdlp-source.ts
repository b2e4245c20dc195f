import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { OutboundGuard } from '#outbound';
import { runProcess } from '../process/run-process';
import { InvalidQueryError, notFound, outboundFailure } from '../resolver-errors';
import type { Resolution } from '../track-info';
import type { TrackSource } from './track-source';
import { siteOf, trackFromInfo, type YtDlpInfo } from './ytdlp-json';

/** Sites whose URLs yt-dlp gets before the plain http source; any other page URL falls back to it. */
const SITES = [
  'youtube.com',
  'youtu.be',
  'soundcloud.com',
  'bandcamp.com',
  'vimeo.com',
  'twitch.tv',
  'dailymotion.com',
  'mixcloud.com',
  'audiomack.com',
  'nicovideo.jp',
  'bilibili.com',
];

/** Hexify's `source` values and yt-dlp's search prefix for each. */
const SEARCH_PREFIX: Readonly<Record<string, string>> = {
  youtube: 'ytsearch1:',
  soundcloud: 'scsearch1:',
};

/** Finds an executable on PATH, as the shell would; undefined when there is none. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = name.includes('/') ? [name] : path.split(delimiter).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * YouTube, SoundCloud and the other sites yt-dlp supports, through its info JSON. Playlists and
 * searches use `--flat-playlist`: one listing request instead of one per video.
 */
export class YtDlpSource implements TrackSource {
  readonly name = 'ytdlp' as const;

  constructor(
    readonly executable: string,
    /** Approves a page URL before yt-dlp is given it. */
    private readonly guard: OutboundGuard,
    private readonly timeoutMs = 30_000,
  ) {}

  static searchableSites(): string[] {
    return Object.keys(SEARCH_PREFIX);
  }

  claims(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    return SITES.some((site) => host === site || host.endsWith(`.${site}`));
  }

  async resolveUrl(url: URL, signal?: AbortSignal): Promise<Resolution> {
    // yt-dlp fetches the page itself: the guard approves the URL it is given (its own redirects
    // stay yt-dlp's), and the player fetches the media URL it finds through the guard.
    await this.guard.approve(url).catch((error: unknown) => {
      throw outboundFailure(url.href, error);
    });
    const info = await this.info(url.href, [], signal);
    if (info._type === 'playlist' || info.entries) {
      const tracks = (info.entries ?? []).flatMap((entry) => {
        const track = entry ? trackFromInfo(entry, siteOf(info, 'ytdlp')) : undefined;
        return track ? [track] : [];
      });
      if (tracks.length === 0) throw notFound(url.href, 'the playlist is empty');
      return { kind: 'playlist', name: info.title, tracks };
    }
    const track = trackFromInfo(info, siteOf(info, 'ytdlp'));
    if (!track) throw notFound(url.href);
    return { kind: 'track', tracks: [track] };
  }

  async search(text: string, site = 'youtube', signal?: AbortSignal): Promise<Resolution | undefined> {
    const prefix = SEARCH_PREFIX[site];
    if (!prefix) throw new InvalidQueryError(`cannot search ${site}`, 'source');
    const info = await this.info(`${prefix}${text}`, [], signal);
    const first = (info.entries ?? []).find((entry) => entry && trackFromInfo(entry, site));
    const track = first ? trackFromInfo(first, site) : undefined;
    return track ? { kind: 'track', tracks: [track] } : undefined;
  }

  /** `yt-dlp -J` for `target`; a failure to extract (unavailable, unsupported) is "not found". */
  async info(target: string, extraArgs: readonly string[] = [], signal?: AbortSignal): Promise<YtDlpInfo> {
    const { stdout, stderr, code } = await runProcess(
      this.executable,
      [
        '-J',
        '--flat-playlist',
        '--no-playlist',
        '--no-warnings',
        '--no-progress',
        ...extraArgs,
        '--',
        target,
      ],
      { timeoutMs: this.timeoutMs, signal },
    ).catch((error: unknown) => {
      throw notFound(target, error);
    });
    if (code !== 0 || !stdout.trim()) {
      const reason = stderr.trim().split('\n').pop() || `yt-dlp exited with ${code}`;
      throw notFound(target, reason.replace(/^ERROR:\s*/, ''));
    }
    return JSON.parse(stdout) as YtDlpInfo;
  }
}
