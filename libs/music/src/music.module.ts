import { Global, Inject, Logger, Module, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { OutboundGuard, OutboundModule } from '#outbound';
import { loadMusicConfig, type MusicConfig } from './music-config';
import { MusicTrackResolver } from './music-track-resolver';
import { TrackOpener } from './playback/track-opener';

/** Injection token of the music configuration (`loadMusicConfig()` unless overridden). */
export const MUSIC_CONFIG = Symbol('MUSIC_CONFIG');

const SCAN_LIBRARY_AT_START = Symbol('SCAN_LIBRARY_AT_START');

/**
 * The track sources and the track opener, one of each per process (the library index is scanned
 * once). Global so `PlayerModule.withResolver({ provide: TrackResolver, useExisting: MusicTrackResolver })`
 * can see the resolver.
 */
@Global()
@Module({
  imports: [OutboundModule],
  providers: [
    {
      provide: MUSIC_CONFIG,
      // The process's DATA_DIR (overridable in tests) decides where a demo's library would be.
      inject: [{ token: GUILDHALL_CONFIG, optional: true }],
      useFactory: (app?: GuildhallConfig) => loadMusicConfig(process.env, app?.dataDir),
    },
    {
      provide: MusicTrackResolver,
      inject: [MUSIC_CONFIG, OutboundGuard],
      useFactory: (config: MusicConfig, guard: OutboundGuard) => {
        const logger = new Logger('Music');
        return new MusicTrackResolver(config, {
          guard,
          onError: (message, error) => logger.warn(`${message}: ${String(error)}`),
        });
      },
    },
    {
      provide: TrackOpener,
      inject: [MUSIC_CONFIG, OutboundGuard, MusicTrackResolver],
      useFactory: (config: MusicConfig, guard: OutboundGuard, resolver: MusicTrackResolver) =>
        new TrackOpener({ ...config, guard, library: () => resolver.library }),
    },
  ],
  exports: [MUSIC_CONFIG, MusicTrackResolver, TrackOpener],
})
export class MusicModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Music');

  constructor(
    private readonly resolver: MusicTrackResolver,
    @Inject(MUSIC_CONFIG) private readonly config: MusicConfig,
    @Optional() @Inject(SCAN_LIBRARY_AT_START) private readonly scanAtStart: boolean = true,
  ) {}

  /** Scans the library in the background: the first search waits for it, startup does not. */
  onApplicationBootstrap(): void {
    const { demoLibrary, ytDlpPath } = this.config;
    const library = this.resolver.library;
    const where = library?.root ?? (demoLibrary ? `${demoLibrary.dir} once cli demo writes it` : 'off');
    this.logger.log(`Music sources: library ${where}, yt-dlp ${ytDlpPath ?? 'not found'}, http on`);
    if (!library || !this.scanAtStart) return;
    library
      .scan()
      .then(async () =>
        this.logger.log(`Music library: ${(await library.all()).length} tracks in ${library.root}`),
      )
      .catch((error: unknown) => this.logger.error(`Music library scan failed: ${String(error)}`));
  }

  /**
   * `scanLibraryAtStart: false` for one-shot processes (the CLI): a scan of a large library would
   * outlive the command; a search still scans on first use.
   */
  static forRoot({ scanLibraryAtStart }: { scanLibraryAtStart: boolean }) {
    return {
      module: MusicModule,
      providers: [{ provide: SCAN_LIBRARY_AT_START, useValue: scanLibraryAtStart }],
    };
  }

  /** Overrides the environment (tests, tools). */
  static withConfig(config: MusicConfig) {
    return { module: MusicModule, providers: [{ provide: MUSIC_CONFIG, useValue: config }] };
  }
}
