import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { originKey } from './origin-tags';
import { isAudioFile, readArtwork, readTags, type LibraryEntry } from './tags';
import { search } from './search';

export interface LocalLibraryOptions {
  readonly root: string;
  /** On a search miss, rescan when the last scan is older than this (files added since are found). */
  readonly rescanAfterMs?: number;
  readonly onError?: (message: string, error: unknown) => void;
}

const identifierOf = (path: string): string => createHash('sha1').update(path).digest('hex').slice(0, 16);

/**
 * The files under MUSIC_DIR, indexed by their tags. A rescan re-reads only files whose size or
 * modification time changed, so keeping a large library fresh costs one directory walk.
 */
export class LocalLibrary {
  readonly root: string;
  private entries = new Map<string, LibraryEntry>();
  private byId = new Map<string, LibraryEntry>();
  private byOriginKey = new Map<string, LibraryEntry>();
  private scanning: Promise<void> | undefined;
  private scannedAt = 0;
  private rootReal: string | undefined;

  constructor(private readonly options: LocalLibraryOptions) {
    this.root = options.root;
  }

  /** Walks the library and refreshes the index; concurrent calls share one walk. */
  scan(): Promise<void> {
    this.scanning ??= this.walkAndIndex().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  /** Entries in path order. Scans first if the library was never scanned. */
  async all(): Promise<LibraryEntry[]> {
    if (this.scannedAt === 0) await this.scan();
    return [...this.entries.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  async search(query: string, limit = 1): Promise<LibraryEntry[]> {
    return this.lookUp(
      () => search(this.entries.values(), query, limit),
      (hits) => hits.length > 0,
    );
  }

  /** The file whose tags name `url` as its source (see `TrackOrigin`), if the library has one. */
  async byOrigin(url: string): Promise<LibraryEntry | undefined> {
    const key = originKey(url);
    return this.lookUp(
      () => this.byOriginKey.get(key),
      (hit) => hit !== undefined,
    );
  }

  /** Scans first if never scanned; on a miss, rescans when the last scan is stale and asks again. */
  private async lookUp<T>(find: () => T, found: (result: T) => boolean): Promise<T> {
    if (this.scannedAt === 0) await this.scan();
    const first = find();
    if (found(first) || Date.now() - this.scannedAt <= (this.options.rescanAfterMs ?? 60_000)) return first;
    await this.scan();
    return find();
  }

  /** The entry for a path relative to the root, reading its tags if it is not indexed yet. */
  async entry(relativePath: string): Promise<LibraryEntry | undefined> {
    const path = relativePath.split(sep).join('/');
    const known = this.entries.get(path);
    if (known) return known;
    if ((await this.contains(join(this.root, path))) === undefined) return undefined;
    const info = await stat(join(this.root, path)).catch(() => undefined);
    if (!info?.isFile() || !isAudioFile(path)) return undefined;
    const entry = await readTags(join(this.root, path), {
      path,
      identifier: identifierOf(path),
      mtimeMs: info.mtimeMs,
      size: info.size,
    });
    this.remember(entry);
    return entry;
  }

  byIdentifier(identifier: string): LibraryEntry | undefined {
    return this.byId.get(identifier);
  }

  absolutePath(entry: LibraryEntry): string {
    return join(this.root, entry.path);
  }

  /**
   * The embedded cover of a library track, for an artwork route; null when it has none. Looked up
   * like a track: a cover may be the first thing a process is asked for (another process queued the
   * track whose thumbnail points here), before anything has indexed the library.
   */
  async artwork(identifier: string): Promise<{ format: string; data: Buffer } | null> {
    const entry = await this.lookUp(
      () => this.byId.get(identifier),
      (found) => found !== undefined,
    );
    return entry?.hasArtwork ? readArtwork(this.absolutePath(entry)) : null;
  }

  /**
   * Where `absolute` sits inside the library (a `/`-separated relative path), or undefined when it
   * is outside — symlinks included, so a link cannot open the rest of the disk to queries.
   */
  async contains(absolute: string): Promise<string | undefined> {
    this.rootReal ??= await realpath(this.root);
    const real = await realpath(absolute).catch(() => undefined);
    if (!real) return undefined;
    if (!isInside(this.rootReal, real)) return undefined;
    return relative(this.rootReal, real).split(sep).join('/');
  }

  private async walkAndIndex(): Promise<void> {
    const seen = new Set<string>();
    for await (const path of this.walk('')) {
      seen.add(path);
      const info = await stat(join(this.root, path)).catch(() => undefined);
      if (!info) continue;
      const known = this.entries.get(path);
      if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) continue;
      try {
        this.remember(
          await readTags(join(this.root, path), {
            path,
            identifier: identifierOf(path),
            mtimeMs: info.mtimeMs,
            size: info.size,
          }),
        );
      } catch (error) {
        this.options.onError?.(`music library: cannot read tags of ${path}`, error);
      }
    }
    for (const path of [...this.entries.keys()]) {
      if (!seen.has(path)) this.forget(this.entries.get(path)!);
    }
    this.scannedAt = Date.now();
  }

  private async *walk(dir: string): AsyncGenerator<string> {
    const items = await readdir(join(this.root, dir), { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      if (item.name.startsWith('.')) continue;
      const path = dir ? `${dir}/${item.name}` : item.name;
      if (item.isDirectory()) yield* this.walk(path);
      else if (item.isFile() && isAudioFile(item.name)) yield path;
      // A link is indexed only if it leads to a file inside the library: never to the rest of the disk.
      else if (
        item.isSymbolicLink() &&
        isAudioFile(item.name) &&
        (await this.contains(join(this.root, path)))
      ) {
        yield path;
      }
    }
  }

  private remember(entry: LibraryEntry): void {
    const known = this.entries.get(entry.path);
    if (known) this.forget(known);
    this.entries.set(entry.path, entry);
    this.byId.set(entry.identifier, entry);
    // The source's own id finds the cover too: a track shows that id as its identifier.
    if (entry.sourceId) this.byId.set(entry.sourceId, entry);
    if (entry.sourceUrl) this.byOriginKey.set(originKey(entry.sourceUrl), entry);
  }

  private forget(entry: LibraryEntry): void {
    this.entries.delete(entry.path);
    for (const [index, key] of [
      [this.byId, entry.identifier],
      [this.byId, entry.sourceId],
      [this.byOriginKey, entry.sourceUrl && originKey(entry.sourceUrl)],
    ] as const) {
      if (key && index.get(key) === entry) index.delete(key);
    }
  }
}

/** Whether `path` is `root` or lies below it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}
