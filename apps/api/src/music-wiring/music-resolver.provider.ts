import type { Provider } from '@nestjs/common';
import { CatalogueTrackResolver, FallbackTrackResolver } from '#core';
import { TrackResolver } from '#domain';
import { MusicTrackResolver, musicSourcesConfigured } from '#music';

/**
 * The real sources (local library, http, yt-dlp) and the seeds' demo catalogue behind one port.
 * With MUSIC_DIR or yt-dlp configured the real sources are asked first; otherwise the catalogue is,
 * so the seeds' example URLs resolve without a network probe.
 */
export const musicTrackResolverProvider: Provider<TrackResolver> = {
  provide: TrackResolver,
  inject: [MusicTrackResolver],
  useFactory: (music: MusicTrackResolver) => {
    const catalogue = new CatalogueTrackResolver();
    return new FallbackTrackResolver(musicSourcesConfigured() ? [music, catalogue] : [catalogue, music]);
  },
};
