import { join, resolve } from 'node:path';
import { DEMO_MUSIC_DIR, DEMO_SEED_FILE, dataDirOf, loadProbeLimits, type ProbeLimits } from '#config';
import { findExecutable } from './sources/ytdlp-source';

/** Where the music sources find their files and tools; read from the environment by `loadMusicConfig`. */
export interface MusicConfig {
  /** Root of the local library (`MUSIC_DIR`); undefined leaves only the demo's library, if any. */
  readonly musicDir: string | undefined;
  /**
   * Without `MUSIC_DIR`: the library `cli demo` writes, used while `marker` (the data directory's
   * demo seed) and `dir` exist. The demo may run after the server started, so this is looked up on use.
   */
  readonly demoLibrary?: { readonly dir: string; readonly marker: string };
  /** Absolute path of yt-dlp when it is installed; undefined disables the yt-dlp source. */
  readonly ytDlpPath: string | undefined;
  readonly ffmpegPath: string;
  readonly ffprobePath: string;
  /** URL of a library track's embedded cover, given its identifier; `{id}` is replaced. */
  readonly artworkUrlTemplate: string | null;
  /** Bounds on resolving work (`MUSIC_PROBE_*`); the defaults when absent. */
  readonly probeLimits?: ProbeLimits;
}

/**
 * `MUSIC_DIR` (local library; unset, the demo's library in a demo `dataDir`), `YTDLP_PATH` (default: `yt-dlp` when it is on PATH), `FFMPEG_PATH`,
 * `FFPROBE_PATH`, `MUSIC_ARTWORK_URL` (default `/v1/music/artwork/{id}`; empty for none), `MUSIC_PROBE_*`.
 */
export function loadMusicConfig(
  env: NodeJS.ProcessEnv = process.env,
  dataDir: string = dataDirOf(env),
): MusicConfig {
  const musicDir = env.MUSIC_DIR?.trim();
  const ytDlp = env.YTDLP_PATH?.trim();
  const artwork = env.MUSIC_ARTWORK_URL;
  return {
    musicDir: musicDir ? resolve(musicDir) : undefined,
    demoLibrary: musicDir
      ? undefined
      : { dir: join(dataDir, DEMO_MUSIC_DIR), marker: join(dataDir, DEMO_SEED_FILE) },
    ytDlpPath: ytDlp === '' || ytDlp === 'off' ? undefined : findExecutable(ytDlp ?? 'yt-dlp', env.PATH),
    ffmpegPath: env.FFMPEG_PATH?.trim() || 'ffmpeg',
    ffprobePath: env.FFPROBE_PATH?.trim() || 'ffprobe',
    artworkUrlTemplate: artwork === undefined ? '/v1/music/artwork/{id}' : artwork.trim() || null,
    probeLimits: loadProbeLimits(env),
  };
}
