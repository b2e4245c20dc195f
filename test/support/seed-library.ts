import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoLibrary } from '#cli/demo/demo-library';

/**
 * The demo's music library — the seeds' tracks as real FFmpeg-made Opus files, tagged as the seeds
 * show them — written once per machine (rewritten when the demo's tracks change) and shared by every
 * test that plays the seeds' examples; concurrent test processes swap in the same copy.
 */
export async function seedMusicLibrary(): Promise<string> {
  return (await writeDemoLibrary(join(tmpdir(), 'guildhall-seed-library'))).dir;
}

/**
 * Points this process's music sources at the seed library, as an operator's `MUSIC_DIR` would, with
 * yt-dlp off so no test reaches a real site. Call before the app starts; the result undoes it.
 */
export async function useSeedMusicLibrary(): Promise<() => void> {
  const before = { MUSIC_DIR: process.env.MUSIC_DIR, YTDLP_PATH: process.env.YTDLP_PATH };
  process.env.MUSIC_DIR = await seedMusicLibrary();
  process.env.YTDLP_PATH = 'off';
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
