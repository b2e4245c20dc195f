/** The version of a read model: its projection's checkpoint, or undefined when nothing keeps it fresh. */
export type ReadModelVersion = () => number | undefined;

/**
 * Memoises read-model lookups until the projection moves on. Any applied batch changes the version
 * and so invalidates every entry: coarse, but it can never serve a row older than the table.
 * Without a version (no live projection in this process, e.g. the CLI) nothing is cached.
 */
export class VersionedCache<K, V> {
  private readonly entries = new Map<K, { version: number; value: V }>();
  private seenVersion: number | undefined;

  constructor(
    private readonly version: ReadModelVersion,
    private readonly capacity = 10_000,
  ) {}

  get(key: K, load: () => V): V {
    const version = this.version();
    if (version === undefined) return load();
    if (version !== this.seenVersion) {
      this.entries.clear();
      this.seenVersion = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const value = load();
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, { version, value });
    return value;
  }
}
