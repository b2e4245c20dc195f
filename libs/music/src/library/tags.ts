import { basename, extname } from 'node:path';
import { parseFile } from 'music-metadata';
import { readOrigin, type TrackOrigin } from './origin-tags';

/** What the library keeps about one file: enough to search it and to build a track. */
export interface LibraryEntry extends TrackOrigin {
  /** Path relative to the library root, with `/` separators. */
  readonly path: string;
  /** The library's own key for the file (a hash of its path); the artwork route takes it. */
  readonly identifier: string;
  readonly title: string;
  readonly artist: string;
  readonly album: string;
  readonly durationMs: number;
  readonly disc: number;
  readonly trackNo: number;
  readonly hasArtwork: boolean;
  readonly mtimeMs: number;
  readonly size: number;
}

export const AUDIO_EXTENSIONS = new Set([
  '.mp3',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.m4a',
  '.aac',
  '.wav',
  '.webm',
  '.mka',
  '.aiff',
  '.wma',
]);

export const isAudioFile = (name: string): boolean => AUDIO_EXTENSIONS.has(extname(name).toLowerCase());

/**
 * Reads one file's tags. Untagged files still count: the title falls back to the file name, so a
 * folder of rips without tags is searchable too.
 */
export async function readTags(
  absolutePath: string,
  relative: Omit<
    LibraryEntry,
    'title' | 'artist' | 'album' | 'durationMs' | 'disc' | 'trackNo' | 'hasArtwork' | keyof TrackOrigin
  >,
): Promise<LibraryEntry> {
  const metadata = await parseFile(absolutePath, { duration: true, skipCovers: false });
  const { common, format } = metadata;
  const fallbackTitle = basename(relative.path, extname(relative.path));
  return {
    ...relative,
    title: common.title?.trim() || fallbackTitle,
    artist: common.artist?.trim() || common.albumartist?.trim() || 'Unknown artist',
    album: common.album?.trim() ?? '',
    durationMs: format.duration ? Math.round(format.duration * 1000) : 0,
    disc: common.disk.no ?? 0,
    trackNo: common.track.no ?? 0,
    hasArtwork: (common.picture?.length ?? 0) > 0,
    ...readOrigin(metadata),
  };
}

/** The embedded cover of a file, read on demand so a large library keeps no images in memory. */
export async function readArtwork(absolutePath: string): Promise<{ format: string; data: Buffer } | null> {
  const { common } = await parseFile(absolutePath, { skipCovers: false });
  const picture = common.picture?.find((p) => p.type?.toLowerCase().includes('front')) ?? common.picture?.[0];
  return picture ? { format: picture.format, data: Buffer.from(picture.data) } : null;
}
