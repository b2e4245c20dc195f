import { stat, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalLibrary } from '../library/local-library';
import type { LibraryEntry } from '../library/tags';
import { normalize } from '../library/search';
import { InvalidQueryError, notFound } from '../resolver-errors';
import { toSeconds, type Resolution, type TrackInfo } from '../track-info';
import type { TrackSource } from './track-source';
import { m3uResolution } from './m3u-playlist';

const PLAYLIST_EXTENSIONS = new Set(['.m3u', '.m3u8']);

/**
 * The local library: `file:` URLs and paths inside MUSIC_DIR (a file, an m3u playlist, or a folder,
 * which plays as a playlist in disc/track order), and free-text search over the files' tags.
 */
export class LocalSource implements TrackSource {
  readonly name = 'local' as const;

  constructor(
    readonly library: LocalLibrary,
    private readonly artworkUrl: (identifier: string) => string | null,
    private readonly resolveRemote: (url: URL) => Promise<TrackInfo | undefined>,
  ) {}

  claims(url: URL): boolean {
    return url.protocol === 'file:';
  }

  /** An absolute path, as the domain's track `uri` holds local files. */
  async resolvePathQuery(path: string): Promise<Resolution> {
    return this.resolveUrl(new URL(`file://${encodeURI(path)}`));
  }

  async resolveUrl(url: URL): Promise<Resolution> {
    const relative = await this.library.contains(filePath(url));
    if (relative === undefined) throw new InvalidQueryError('that file is not in the music library');
    return this.resolvePath(relative);
  }

  /** A relative path that exists in the library; undefined when nothing is there (then it is search text). */
  async resolveRelative(text: string): Promise<Resolution | undefined> {
    if (text.includes('\0')) return undefined;
    const relative = await this.library.contains(join(this.library.root, text));
    return relative === undefined || relative === '' ? undefined : this.resolvePath(relative);
  }

  async search(text: string): Promise<Resolution | undefined> {
    const [hit] = await this.library.search(text);
    if (hit) return { kind: 'track', tracks: [this.toTrack(hit)] };
    return this.playlistNamed(text);
  }

  /** The library's file tagged with `url` as its source, so a known URL plays from disk. */
  async resolveOrigin(url: URL): Promise<Resolution | undefined> {
    const hit = await this.library.byOrigin(url.href);
    return hit && { kind: 'track', tracks: [this.toTrack(hit)] };
  }

  /**
   * A file tagged with its origin shows that origin's URL, id and cover (the player finds the file
   * again by that URL); any other file shows its path, its hash and its embedded cover.
   */
  toTrack(entry: LibraryEntry): TrackInfo {
    const cover = entry.hasArtwork ? this.artworkUrl(entry.identifier) : null;
    return {
      title: entry.title,
      author: entry.artist,
      durationSec: toSeconds(entry.durationMs),
      uri: entry.sourceUrl ?? this.library.absolutePath(entry),
      identifier: entry.sourceId ?? entry.identifier,
      thumbnail: entry.thumbnailUrl ?? cover,
      isStream: false,
      source: 'local',
    };
  }

  private async resolvePath(relative: string): Promise<Resolution> {
    const absolute = join(this.library.root, relative);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) return this.folder(relative);
    if (info?.isFile() && PLAYLIST_EXTENSIONS.has(extname(relative).toLowerCase())) {
      return m3uResolution(absolute, this.library, (e) => this.toTrack(e), this.resolveRemote);
    }
    const entry = info?.isFile() ? await this.library.entry(relative) : undefined;
    if (!entry) throw notFound(relative);
    return { kind: 'track', tracks: [this.toTrack(entry)] };
  }

  private async folder(relative: string): Promise<Resolution> {
    const prefix = `${relative}/`;
    const entries = (await this.library.all())
      .filter((e) => e.path.startsWith(prefix))
      .sort((a, b) => a.disc - b.disc || a.trackNo - b.trackNo || a.path.localeCompare(b.path));
    if (entries.length === 0) throw notFound(relative, 'no audio files in the folder');
    return { kind: 'playlist', name: basename(relative), tracks: entries.map((e) => this.toTrack(e)) };
  }

  /** A playlist file or folder whose name is the query ("Road trip" finds `Road Trip.m3u`). */
  private async playlistNamed(text: string): Promise<Resolution | undefined> {
    const wanted = normalize(text);
    const match = await this.findNamed('', wanted, 3);
    return match === undefined ? undefined : this.resolvePath(match).catch(() => undefined);
  }

  private async findNamed(dir: string, wanted: string, depth: number): Promise<string | undefined> {
    const items = await readdir(join(this.library.root, dir), { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      const path = dir ? `${dir}/${item.name}` : item.name;
      const isPlaylist = item.isFile() && PLAYLIST_EXTENSIONS.has(extname(item.name).toLowerCase());
      const name = isPlaylist ? basename(item.name, extname(item.name)) : item.name;
      if ((isPlaylist || item.isDirectory()) && normalize(name) === wanted) return path;
    }
    if (depth === 0) return undefined;
    for (const item of items) {
      if (!item.isDirectory() || item.name.startsWith('.')) continue;
      const found = await this.findNamed(dir ? `${dir}/${item.name}` : item.name, wanted, depth - 1);
      if (found) return found;
    }
    return undefined;
  }
}

/** The path a `file:` URL names; a host other than localhost, or an encoded `/`, is no valid file URL. */
export function filePath(url: URL | string): string {
  try {
    return fileURLToPath(url);
  } catch (error) {
    throw new InvalidQueryError(`not a valid file URL: ${(error as Error).message}`);
  }
}
