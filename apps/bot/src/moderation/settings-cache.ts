/** A read model's version (its projection's checkpoint), or undefined where nothing keeps it fresh here. */
export type VersionSource = () => number | undefined;

/**
 * Memoises per-guild lookups for the gateway's hot path (every message asks for its guild's
 * settings). Where the read model's projection runs in this process, an entry lives until the
 * projection moves on, so a settings change applies to the next message; elsewhere it lives
 * `ttlMs`. Pure: the clock is injected.
 */
export class SettingsCache<V> {
  private readonly entries = new Map<string, { version: number | undefined; loadedAt: number; value: V }>();

  constructor(
    private readonly version: VersionSource,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly capacity = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const version = this.version();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && this.fresh(hit, version, now)) return hit.value;
    const value = await load();
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, { version, loadedAt: now, value });
    return value;
  }

  private fresh(
    entry: { version: number | undefined; loadedAt: number },
    version: number | undefined,
    now: number,
  ) {
    return version === undefined
      ? entry.version === undefined && now - entry.loadedAt < this.ttlMs
      : entry.version === version;
  }
}
