import type { Provider } from '@nestjs/common';
import { TrackResolver } from '#domain';
import { MusicTrackResolver } from '#music';

/**
 * The track resolver every door shares: the real sources only (the local library, http(s) through
 * the outbound guard, yt-dlp). A query none of them can answer is `TrackNotFoundError`, a 404: there
 * is no built-in catalogue to fall back on. Needs MusicModule (global).
 */
export const musicTrackResolverProvider: Provider<TrackResolver> = {
  provide: TrackResolver,
  useExisting: MusicTrackResolver,
};
