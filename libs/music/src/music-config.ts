import { resolve } from 'node:path';
import { loadProbeLimits, type ProbeLimits } from '#config';
import { findExecutable } from './sources/ytdlp-source';

/** Where the music sources find their files and tools; read from the environment by `loadMusicConfig`. */
export interface MusicConfig {
  /** Root of the local library; undefined disables it. */
  readonly musicDir: string | undefined;
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
 * `MUSIC_DIR` (local library), `YTDLP_PATH` (default: `yt-dlp` when it is on PATH), `FFMPEG_PATH`,
 * `FFPROBE_PATH`, `MUSIC_ARTWORK_URL` (default `/v1/music/artwork/{id}`; empty for none), `MUSIC_PROBE_*`.
 */
export function loadMusicConfig(env: NodeJS.ProcessEnv = process.env): MusicConfig {
  const musicDir = env.MUSIC_DIR?.trim();
  const ytDlp = env.YTDLP_PATH?.trim();
  const artwork = env.MUSIC_ARTWORK_URL;
  return {
    musicDir: musicDir ? resolve(musicDir) : undefined,
    ytDlpPath: ytDlp === '' || ytDlp === 'off' ? undefined : findExecutable(ytDlp ?? 'yt-dlp', env.PATH),
    ffmpegPath: env.FFMPEG_PATH?.trim() || 'ffmpeg',
    ffprobePath: env.FFPROBE_PATH?.trim() || 'ffprobe',
    artworkUrlTemplate: artwork === undefined ? '/v1/music/artwork/{id}' : artwork.trim() || null,
    probeLimits: loadProbeLimits(env),
  };
}

/** Whether any source beyond plain http URLs is configured: the lead's switch from the seed catalogue. */
export function musicSourcesConfigured(config: MusicConfig = loadMusicConfig()): boolean {
  return config.musicDir !== undefined || config.ytDlpPath !== undefined;
}
