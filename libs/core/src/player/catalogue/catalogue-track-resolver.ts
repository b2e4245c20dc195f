import type { TrackInfo } from '#domain';
import {
  InvalidQueryError,
  TrackNotFoundError,
  TrackResolver,
  type ResolveOptions,
  type ResolvedTracks,
} from '#domain';
import { SEED_PLAYLISTS, SEED_TRACKS, type CataloguePlaylist } from './seed-catalogue';

const MAX_QUERY_LENGTH = 500;
const SOURCES = new Set(['local', 'http', 'youtube', 'soundcloud', 'ytdlp', 'spotify']);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);

/**
 * An in-memory resolver over a fixed catalogue (by default the seeds' own tracks), for tests and the
 * demo, which run without network or yt-dlp. Exact URLs resolve to their track or playlist; free text
 * to the first track whose title and author hold every word of the query, like the seeds' "first
 * result" search.
 */
export class CatalogueTrackResolver extends TrackResolver {
  constructor(
    private readonly tracks: readonly TrackInfo[] = Object.values(SEED_TRACKS),
    private readonly playlists: readonly CataloguePlaylist[] = SEED_PLAYLISTS,
  ) {
    super();
  }

  // async so a refusal is always a rejected promise, as the port promises, never a synchronous throw.
  async resolve(query: string, options: ResolveOptions): Promise<ResolvedTracks> {
    return this.resolveNow(query, options);
  }

  private resolveNow(rawQuery: string, { source }: ResolveOptions): ResolvedTracks {
    const query = typeof rawQuery === 'string' ? rawQuery.trim() : '';
    if (query === '' || query.length > MAX_QUERY_LENGTH) {
      throw new InvalidQueryError(`query must be 1–${MAX_QUERY_LENGTH} characters`);
    }
    if (source !== undefined && !SOURCES.has(source)) {
      throw new InvalidQueryError(`unknown source ${JSON.stringify(source)}`, 'source');
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(query)) return this.byUrl(query);
    const wanted = words(query);
    if (wanted.length === 0) throw new InvalidQueryError('query must contain a word or a URL');
    const hit = this.tracks.find(
      (t) =>
        (source === undefined || t.source === source) &&
        wanted.every((w) => words(`${t.title} ${t.author}`).includes(w)),
    );
    if (!hit) throw new TrackNotFoundError(query);
    return { kind: 'track', tracks: [hit] };
  }

  private byUrl(query: string): ResolvedTracks {
    let url: URL;
    try {
      url = new URL(query);
    } catch {
      throw new InvalidQueryError('query is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidQueryError(`unsupported URL scheme ${url.protocol}`);
    }
    const playlist = this.playlists.find((p) => p.uri === query);
    if (playlist) return { kind: 'playlist', tracks: playlist.tracks };
    // youtube.com and www.youtube.com (and youtu.be) name the same video: match on the id too.
    const id = url.searchParams.get('v') ?? url.pathname.split('/').filter(Boolean).at(-1);
    const hit = this.tracks.find((t) => t.uri === query || (id !== undefined && t.identifier === id));
    if (!hit) throw new TrackNotFoundError(query);
    return { kind: 'track', tracks: [hit] };
  }
}
