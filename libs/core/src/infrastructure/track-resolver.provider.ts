import type { Provider } from '@nestjs/common';
import { TrackResolver } from '#domain';
import { MUSIC_CONFIG, MusicTrackResolver, musicSourcesConfigured, type MusicConfig } from '#music';
import { CatalogueTrackResolver } from '../player/catalogue/catalogue-track-resolver';
import { FallbackTrackResolver } from '../player/fallback-track-resolver';

/**
 * The real sources (local library, http, yt-dlp) and the seeds' demo catalogue behind one port.
 * With MUSIC_DIR or yt-dlp configured the real sources are asked first; otherwise the catalogue is,
 * so the seeds' example URLs resolve without a network probe. Needs MusicModule (global).
 */
export const musicTrackResolverProvider: Provider<TrackResolver> = {
  provide: TrackResolver,
  inject: [MusicTrackResolver, MUSIC_CONFIG],
  useFactory: (music: MusicTrackResolver, config: MusicConfig) => {
    const catalogue = new CatalogueTrackResolver();
    return new FallbackTrackResolver(
      musicSourcesConfigured(config) ? [music, catalogue] : [catalogue, music],
    );
  },
};
