import { TrackNotFoundError } from '#domain';

export { InvalidQueryError, TrackNotFoundError } from '#domain';

/** "Nothing found for `query`", keeping the source's own reason (yt-dlp's, FFprobe's) as the cause. */
export function notFound(query: string, reason?: unknown): TrackNotFoundError {
  const error = new TrackNotFoundError(query);
  if (reason !== undefined) error.cause = reason instanceof Error ? reason.message : reason;
  return error;
}
