import { LocalLibrary } from './library/local-library';
import type { MusicConfig } from './music-config';
import { TrackResolver, type ResolveOptions, type ResolvedTracks } from '#domain';
import { InvalidQueryError, TrackNotFoundError, notFound } from './resolver-errors';
import { HttpSource } from './sources/http-source';
import { LocalSource } from './sources/local-source';
import type { TrackSource } from './sources/track-source';
import { YtDlpSource } from './sources/ytdlp-source';
import type { Resolution } from './track-info';

const MAX_QUERY_LENGTH = 1_000;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The `TrackResolver` port over every source. Routes a query to a source. A URL goes to the first source that claims it (the library for
 * `file:`, yt-dlp for the sites it knows, the http source for the rest); free text is searched on
 * the site `source` names, else in the local library, where a path or a playlist's name also works.
 */
export class MusicTrackResolver extends TrackResolver {
  readonly library: LocalLibrary | undefined;
  readonly local: LocalSource | undefined;
  readonly http: HttpSource;
  readonly ytdlp: YtDlpSource | undefined;
  private readonly urlSources: TrackSource[];

  constructor(config: MusicConfig, onError: (message: string, error: unknown) => void = () => {}) {
    super();
    this.http = new HttpSource({ ffprobePath: config.ffprobePath });
    this.ytdlp = config.ytDlpPath ? new YtDlpSource(config.ytDlpPath) : undefined;
    const artwork = config.artworkUrlTemplate;
    if (config.musicDir) {
      this.library = new LocalLibrary({ root: config.musicDir, onError });
      this.local = new LocalSource(
        this.library,
        (id) => (artwork ? artwork.replace('{id}', id) : null),
        (url) => this.resolveRemote(url),
      );
    }
    this.urlSources = [this.local, this.ytdlp, this.http].filter((s): s is NonNullable<typeof s> => !!s);
  }

  resolve(query: string, options: ResolveOptions): Promise<ResolvedTracks> {
    return this.resolveQuery(query, options.source);
  }

  /** Like `resolve`, with the playlist's name. */
  async resolveQuery(query: string, source?: string): Promise<Resolution> {
    const text = validQuery(query);
    if (SCHEME.test(text) || text.startsWith('file:')) return this.resolveUrl(parseUrl(text));
    // Absolute paths are how the domain stores local tracks' `uri`: replaying one must work.
    if (text.startsWith('/') && this.local) return this.local.resolvePathQuery(text);
    const site = source?.trim().toLowerCase() || 'local';
    if (site !== 'local' && !YtDlpSource.searchableSites().includes(site)) {
      throw new InvalidQueryError(
        `unknown source "${source}"; use local, ${YtDlpSource.searchableSites().join(', ')}`,
        'source',
      );
    }
    // Without yt-dlp a site search falls back to the library rather than failing the request.
    const found =
      site !== 'local' && this.ytdlp
        ? await this.ytdlp.search(text, site)
        : ((await this.local?.resolveRelative(text)) ?? (await this.local?.search(text)));
    if (!found) throw notFound(text);
    return found;
  }

  private async resolveUrl(url: URL): Promise<Resolution> {
    const source = this.urlSources.find((s) => s.claims(url));
    if (!source) throw new InvalidQueryError(`unsupported URL scheme ${url.protocol}`);
    try {
      return await source.resolveUrl(url);
    } catch (error) {
      // A web page that is no media file may still hold media yt-dlp's generic extractor can find.
      if (source === this.http && this.ytdlp && error instanceof TrackNotFoundError) {
        return this.ytdlp.resolveUrl(url);
      }
      throw error;
    }
  }

  private async resolveRemote(url: URL) {
    const resolution = await this.resolveUrl(url);
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
