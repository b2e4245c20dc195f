import type { TrackInfo } from './player.track';

/** What a query resolved to: one track, or a playlist's tracks in order. */
export interface ResolvedTracks {
  readonly kind: 'track' | 'playlist';
  readonly tracks: readonly TrackInfo[];
}

export interface ResolveOptions {
  /** The site or library to search free text in (Hexify's `source`: `youtube`, `soundcloud`, `local`…). */
  readonly source?: string;
  /** Snowflake of the user asking, for sources that log or limit per user. */
  readonly requestedBy: string;
  /**
   * Who the resolving work is counted against (`apikey:{id}`, `discord-user:{id}`): sources that
   * fetch or run tools bound how much of it one caller may have in flight.
   */
  readonly caller?: string;
}

/** Nothing matched the query (Elixir answers 404). */
export class TrackNotFoundError extends Error {
  override readonly name = 'TrackNotFoundError';
  constructor(readonly query: string) {
    super(`no track found for ${JSON.stringify(query)}`);
  }
}

/** The query cannot be resolved at all: empty, too long, an unsupported URL or an unknown source (400). */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
  constructor(
    message: string,
    /** The request field at fault: `query` or `source`. */
    readonly field: 'query' | 'source' = 'query',
  ) {
    super(message);
  }
}

/**
 * Too much resolving work is in flight: the caller's own share (429) or the whole process's
 * (503). `retryAfterSec` is when a slot is sure to have freed.
 */
export class TrackSourcesBusyError extends Error {
  override readonly name = 'TrackSourcesBusyError';
  constructor(
    message: string,
    readonly status: 429 | 503,
    readonly retryAfterSec: number,
  ) {
    super(message);
  }
}

/**
 * The port every track source sits behind: a URL goes to the source that claims it, free text is
 * searched. Resolves to at least one track, or throws `TrackNotFoundError` / `InvalidQueryError`.
 */
export abstract class TrackResolver {
  abstract resolve(query: string, options: ResolveOptions): Promise<ResolvedTracks>;
}
