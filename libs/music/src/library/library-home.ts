import { existsSync } from 'node:fs';
import type { MusicConfig } from '../music-config';
import { LocalLibrary } from './local-library';

/**
 * Which local library is in use: `MUSIC_DIR`'s, always; without it, the demo's, from the moment
 * `cli demo` has written it into a demo data directory (the server may have started before) and for
 * as long as the directory stays a demo one. No library at all is the honest default.
 */
export class LibraryHome {
  private readonly fixed: LocalLibrary | undefined;
  private demo: LocalLibrary | undefined;

  constructor(
    private readonly config: Pick<MusicConfig, 'musicDir' | 'demoLibrary'>,
    private readonly onError?: (message: string, error: unknown) => void,
  ) {
    if (config.musicDir) this.fixed = new LocalLibrary({ root: config.musicDir, onError });
  }

  /** The library to search and play from now, or undefined when there is none. */
  current(): LocalLibrary | undefined {
    if (this.fixed) return this.fixed;
    const demo = this.config.demoLibrary;
    // Two stats per lookup: cheap next to resolving a track, and never stale.
    if (!demo || !existsSync(demo.marker) || !existsSync(demo.dir)) return undefined;
    this.demo ??= new LocalLibrary({ root: demo.dir, onError: this.onError });
    return this.demo;
  }
}
