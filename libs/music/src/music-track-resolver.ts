import { OutboundGuard } from '#outbound';
import { LibraryHome } from './library/library-home';
import type { LocalLibrary } from './library/local-library';
import type { MusicConfig } from './music-config';
import { ProbeLimiter } from './process/probe-limiter';
import { TrackResolver, type ResolveOptions, type ResolvedTracks } from '#domain';
import { InvalidQueryError, TrackNotFoundError, notFound } from './resolver-errors';
import { HttpSource } from './sources/http-source';
import { LocalSource } from './sources/local-source';
import { YtDlpSource } from './sources/ytdlp-source';
import type { Resolution } from './track-info';

const MAX_QUERY_LENGTH = 1_000;
/** `scheme://…`, or `scheme:…` with no space (`javascript:alert(1)`): a URL, not search text. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:(\/\/|\S+$)/i;
/** Whom a library playlist's remote entries are counted against: the operator wrote them. */
const LIBRARY_CALLER = 'music-library';

export interface MusicResolverDeps {
  /** Every URL a source fetches, or hands to yt-dlp, is approved by it (default: no exemptions). */
  readonly guard?: OutboundGuard;
  readonly onError?: (message: string, error: unknown) => void;
}

/**
 * The `TrackResolver` port over every source; there is no other. A URL the library holds a copy of
 * plays from the library; any other URL goes to the first source that claims it (the library for
 * `file:`, yt-dlp for the sites it knows, the http source for the rest); free text is searched on
 * the site `source` names, else in the local library, where a path or a playlist's name also works.
 * What no configured source finds is `TrackNotFoundError`.
 */
export class MusicTrackResolver extends TrackResolver {
  readonly http: HttpSource;
  readonly ytdlp: YtDlpSource | undefined;
  /** Bounds the fetching and yt-dlp work resolving does (`MUSIC_PROBE_*`). */
  readonly limiter: ProbeLimiter;
  private readonly home: LibraryHome;
  private readonly artwork: string | null;
  private localSource: LocalSource | undefined;

  constructor(config: MusicConfig, deps: MusicResolverDeps = {}) {
    super();
    const guard = deps.guard ?? new OutboundGuard();
    this.limiter = new ProbeLimiter(config.probeLimits);
    this.http = new HttpSource(guard);
    this.ytdlp = config.ytDlpPath ? new YtDlpSource(config.ytDlpPath, guard) : undefined;
    this.artwork = config.artworkUrlTemplate;
    this.home = new LibraryHome(config, deps.onError);
  }

  /** The local library in use now (`MUSIC_DIR`, or the demo's), if any. */
  get library(): LocalLibrary | undefined {
    return this.home.current();
  }

  /** The library as a track source; undefined while there is no library. */
  get local(): LocalSource | undefined {
    const library = this.home.current();
    if (!library) return undefined;
    if (this.localSource?.library !== library) {
      const artwork = this.artwork;
      this.localSource = new LocalSource(
        library,
        (id) => (artwork ? artwork.replace('{id}', id) : null),
        (url) => this.resolveRemote(url, LIBRARY_CALLER),
      );
    }
    return this.localSource;
  }

  resolve(query: string, options: ResolveOptions): Promise<ResolvedTracks> {
    return this.resolveQuery(query, options.source, options.caller ?? `user:${options.requestedBy}`);
  }

  /** Like `resolve`, with the playlist's name. `caller` is whom the probing work is counted against. */
  async resolveQuery(query: string, source?: string, caller = 'anonymous'): Promise<Resolution> {
    const text = validQuery(query);
    if (URL_LIKE.test(text) || text.startsWith('file:')) return this.resolveUrl(parseUrl(text), caller);
    // Absolute paths are how the domain stores local tracks' `uri`: replaying one must work.
    const local = this.local;
    if (text.startsWith('/') && local) return local.resolvePathQuery(text);
    const site = source?.trim().toLowerCase() || 'local';
    if (site !== 'local' && !YtDlpSource.searchableSites().includes(site)) {
      throw new InvalidQueryError(
        `unknown source "${source}"; use local, ${YtDlpSource.searchableSites().join(', ')}`,
        'source',
      );
    }
    // Without yt-dlp a site search falls back to the library rather than failing the request.
    const ytdlp = this.ytdlp;
    const found =
      site !== 'local' && ytdlp
        ? await this.limiter.run(caller, (signal) => ytdlp.search(text, site, signal))
        : ((await local?.resolveRelative(text)) ?? (await local?.search(text)));
    if (!found) throw notFound(text);
    return found;
  }

  private async resolveUrl(url: URL, caller: string): Promise<Resolution> {
    const local = this.local;
    // A page the library holds a copy of (its tags name the URL) plays from disk, with no fetch.
    const copy = local && /^https?:$/.test(url.protocol) ? await local.resolveOrigin(url) : undefined;
    if (copy) return copy;
    const source = [local, this.ytdlp, this.http].find((s) => s?.claims(url));
    if (!source) throw new InvalidQueryError(`unsupported URL scheme ${url.protocol}`);
    // The library reads local files only; its playlists' remote entries come back through here.
    if (source === local) return source.resolveUrl(url);
    return this.limiter.run(caller, async (signal) => {
      try {
        return await source.resolveUrl(url, signal);
      } catch (error) {
        // A web page that is no media file may still hold media yt-dlp's generic extractor can find.
        if (source === this.http && this.ytdlp && error instanceof TrackNotFoundError && !signal.aborted) {
          return this.ytdlp.resolveUrl(url, signal);
        }
        throw error;
      }
    });
  }

  private async resolveRemote(url: URL, caller: string) {
    const resolution = await this.resolveUrl(url, caller);
    return resolution.kind === 'track' ? resolution.tracks[0] : undefined;
  }
}

function validQuery(query: unknown): string {
  if (typeof query !== 'string') throw new InvalidQueryError('query must be a string');
  const text = query.trim();
  if (!text) throw new InvalidQueryError('query is empty');
  if (text.length > MAX_QUERY_LENGTH)
    throw new InvalidQueryError(`query is longer than ${MAX_QUERY_LENGTH} characters`);
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new InvalidQueryError('query contains control characters');
  return text;
}

function parseUrl(text: string): URL {
  try {
    const url = new URL(text);
    if (url.username || url.password) throw new InvalidQueryError('URLs with credentials are not accepted');
    return url;
  } catch (error) {
    if (error instanceof InvalidQueryError) throw error;
    throw new InvalidQueryError(`"${text}" is not a valid URL`);
  }
}
