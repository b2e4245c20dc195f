/**
 * An append-only list of what happened, that tests can read and wait on. `waitFor` looks at what
 * is already recorded first, so a test never misses an entry that arrived before it started waiting.
 */
export class Recorder<T> {
  private readonly entries: T[] = [];
  private readonly waiters = new Set<{ matches: (entry: T) => boolean; resolve: (entry: T) => void }>();

  constructor(private readonly what: string) {}

  get all(): readonly T[] {
    return this.entries;
  }

  filter(predicate: (entry: T) => boolean): T[] {
    return this.entries.filter(predicate);
  }

  record(entry: T): void {
    this.entries.push(entry);
    for (const waiter of this.waiters) {
      if (waiter.matches(entry)) {
        this.waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  /** The first entry (already recorded or still to come) that matches, or a rejection after `timeoutMs`. */
  waitFor(predicate: (entry: T) => boolean, timeoutMs = 5_000): Promise<T> {
    const existing = this.entries.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return this.waitForNext(predicate, timeoutMs);
  }

  /** The first matching entry recorded from now on, ignoring what is already recorded. */
  waitForNext(predicate: (entry: T) => boolean, timeoutMs = 5_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${this.what} matched within ${timeoutMs} ms; recorded: ${this.entries.length}`));
      }, timeoutMs);
      const waiter = {
        matches: predicate,
        resolve: (entry: T) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      this.waiters.add(waiter);
    });
  }
}
