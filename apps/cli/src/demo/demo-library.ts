import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DEMO_OPUS_ARGS, writeDemoTrack } from './demo-audio';
import { DEMO_PLAYLIST, DEMO_TRACKS, demoFileName, type DemoTrack } from './demo-tracks';

/** A hidden file (the library skips dotfiles) naming what the folder was written from. */
const MANIFEST = '.demo-library.json';

/** Changes whenever a track, the playlist or the encoding does, so an older library is rewritten. */
const VERSION = createHash('sha256')
  .update(JSON.stringify({ DEMO_TRACKS, DEMO_PLAYLIST, DEMO_OPUS_ARGS }))
  .digest('hex')
  .slice(0, 16);

export interface DemoLibrary {
  readonly dir: string;
  readonly tracks: number;
  /** False when the folder already held this very library. */
  readonly written: boolean;
}

/**
 * Writes the demo's music library into `dir`: one FFmpeg-generated Opus file per seed track (see
 * `writeDemoTrack`) and the Elixir seed's playlist as an m3u. Idempotent: a folder already holding
 * this version is left alone. The files are written aside and swapped in whole, so a server reading
 * the library, or a second writer, never sees half of it.
 */
export async function writeDemoLibrary(dir: string, ffmpegPath = 'ffmpeg'): Promise<DemoLibrary> {
  const tracks: DemoTrack[] = Object.values(DEMO_TRACKS);
  const result = (written: boolean) => ({ dir, tracks: tracks.length, written });
  if (await holdsThisVersion(dir)) return result(false);
  const staging = `${dir}.staging-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    await eachInParallel(tracks, (track) =>
      writeDemoTrack(join(staging, demoFileName(track)), track, ffmpegPath),
    );
    await writeFile(join(staging, `${DEMO_PLAYLIST.name}.m3u`), playlistM3u());
    await writeFile(join(staging, MANIFEST), JSON.stringify({ version: VERSION }));
    if (await holdsThisVersion(dir)) return result(false);
    await rm(dir, { recursive: true, force: true });
    try {
      await rename(staging, dir);
    } catch (error) {
      // Another writer swapped its copy in first: the same library, so nothing is lost.
      if (await holdsThisVersion(dir)) return result(false);
      throw error;
    }
    return result(true);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function holdsThisVersion(dir: string): Promise<boolean> {
  const manifest = await readFile(join(dir, MANIFEST), 'utf8').catch(() => '');
  try {
    return (JSON.parse(manifest) as { version?: string }).version === VERSION;
  } catch {
    return false;
  }
}

function playlistM3u(): string {
  const lines = ['#EXTM3U', `#PLAYLIST:${DEMO_PLAYLIST.name}`];
  for (const track of DEMO_PLAYLIST.tracks) {
    lines.push(`#EXTINF:${track.seconds},${track.artist} - ${track.title}`, demoFileName(track));
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `work` over `items`, as many at once as the machine has cores (FFmpeg encodes on one). */
async function eachInParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(availableParallelism(), 4, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(workers);
}
