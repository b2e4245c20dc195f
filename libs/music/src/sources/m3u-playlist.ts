import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalLibrary } from '../library/local-library';
import { parseM3u } from '../library/m3u';
import type { LibraryEntry } from '../library/tags';
import { notFound } from '../resolver-errors';
import type { Resolution, TrackInfo } from '../track-info';

/**
 * The tracks of an m3u file in the library. Local entries must lie inside the library (a playlist
 * cannot reach the rest of the disk); remote entries go through the URL sources; entries that
 * cannot be found are skipped, as players do, rather than failing the whole playlist.
 */
export async function m3uResolution(
  absolute: string,
  library: LocalLibrary,
  toTrack: (entry: LibraryEntry) => TrackInfo,
  resolveRemote: (url: URL) => Promise<TrackInfo | undefined>,
): Promise<Resolution> {
  const entries = parseM3u(await readFile(absolute, 'utf8'));
  const tracks: TrackInfo[] = [];
  for (const entry of entries) {
    if (/^https?:\/\//i.test(entry.location)) {
      const remote = await resolveRemote(new URL(entry.location)).catch(() => undefined);
      if (remote) {
        tracks.push({
          ...remote,
          title: entry.title ?? remote.title,
          author: entry.artist ?? remote.author,
          durationSec: remote.durationSec || Math.round((entry.durationMs ?? 0) / 1000),
        });
      }
      continue;
    }
    const path = entry.location.startsWith('file:')
      ? fileUrlPath(entry.location)
      : isAbsolute(entry.location)
        ? entry.location
        : join(dirname(absolute), entry.location);
    const relative = path === undefined ? undefined : await library.contains(path);
    const found = relative ? await library.entry(relative).catch(() => undefined) : undefined;
    if (found) tracks.push(toTrack(found));
  }
  if (tracks.length === 0) throw notFound(basename(absolute), 'no playable entries in the playlist');
  return { kind: 'playlist', name: basename(absolute, extname(absolute)), tracks };
}

/** A malformed `file:` entry is skipped like a missing one. */
function fileUrlPath(location: string): string | undefined {
  try {
    return fileURLToPath(location);
  } catch {
    return undefined;
  }
}
