import { InvalidQueryError, TrackNotFoundError } from '#domain';
import { OutboundFetchError, OutboundRefusedError } from '#outbound';

export { InvalidQueryError, TrackNotFoundError, TrackSourcesBusyError } from '#domain';

/** "Nothing found for `query`", keeping the source's own reason (yt-dlp's, FFprobe's) as the cause. */
export function notFound(query: string, reason?: unknown): TrackNotFoundError {
  const error = new TrackNotFoundError(query);
  if (reason !== undefined) error.cause = reason instanceof Error ? reason.message : reason;
  return error;
}

/**
 * A guarded fetch's failure as the resolver reports it: a refused URL is the client's to fix
 * (400, naming `query`); a host that is down, slow or unknown is "nothing found" (404).
 */
export function outboundFailure(query: string, error: unknown): unknown {
  if (error instanceof OutboundRefusedError)
    return new InvalidQueryError(`the URL is refused: ${error.message}`);
  if (error instanceof OutboundFetchError) return notFound(query, error);
  return error;
}
