/** A stream's folded state as of a revision (-1: the stream does not exist yet). */
export interface CachedState<S> {
  readonly state: S;
  readonly revision: number;
}

/**
 * Folded states of recently written streams, so a command reads only the events appended since it
 * last saw the stream instead of the whole history. Bounded: the least recently used stream goes.
 * Only a hint: the expected-revision check on append still catches anything this process missed.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedState<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    // Re-insert so iteration order is least recently used first.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry as CachedState<S>;
  }

  set<S>(streamId: string, entry: CachedState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
