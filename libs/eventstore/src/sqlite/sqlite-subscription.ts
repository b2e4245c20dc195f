import type { Subscription, SubscriptionHandler } from '../event-store.port';
import type { FilteredReader } from './filtered-reader';

/**
 * One subscription's loop: read a page after the cursor, hand it to the handler, repeat; once a page
 * reaches the head it is caught up and sleeps until `wake()` (a commit here, or the store's poll seeing
 * another process's commit).
 */
export class SqliteSubscription implements Subscription {
  private delivered: number | undefined;
  private cursor: number;
  private lastCheckpoint: number;
  private stopped = false;
  private woken = false;
  private sleeper: (() => void) | undefined;
  private isCaughtUp = false;
  private readonly finished: Promise<void>;

  constructor(
    private readonly reader: FilteredReader,
    private readonly handler: SubscriptionHandler,
    after: number | undefined,
    private readonly checkpointEvery: number,
    private readonly onFinished: (subscription: SqliteSubscription) => void,
  ) {
    this.delivered = after;
    this.cursor = after ?? -1;
    this.lastCheckpoint = this.cursor;
    this.finished = this.run();
  }

  get lastPosition(): number | undefined {
    return this.delivered;
  }

  get caughtUp(): boolean {
    return this.isCaughtUp;
  }

  wake(): void {
    this.woken = true;
    const sleeper = this.sleeper;
    this.sleeper = undefined;
    sleeper?.();
  }

  /** Resolves once no handler call is running. Do not await it from inside the handler: it would wait for itself. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.finished;
  }

  private async run(): Promise<void> {
    // Start on a later turn, so the caller holds the Subscription before the first delivery.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (!this.stopped) {
        this.woken = false;
        const page = this.reader.read(this.cursor);
        if (page.events.length > 0) {
          await this.handler.onEvents(page.events);
          this.delivered = page.events[page.events.length - 1].position;
          this.lastCheckpoint = this.delivered;
        }
        this.cursor = page.scannedTo;
        if (this.stopped) break;
        await this.reportCheckpoint();
        if (!page.reachedHead) {
          // A page of filtered-out events awaits nothing; yield so a long catch-up cannot hog the loop.
          if (page.events.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        if (!this.isCaughtUp) {
          this.isCaughtUp = true;
          this.handler.onCaughtUp?.();
        }
        if (!this.woken && !this.stopped) await new Promise<void>((resolve) => (this.sleeper = resolve));
      }
    } catch (error) {
      this.stopped = true;
      this.handler.onError?.(error);
    } finally {
      this.onFinished(this);
    }
  }

  /** Lets a filtered subscription's checkpoint move past a long run of events that did not match. */
  private async reportCheckpoint(): Promise<void> {
    if (!this.reader.filtered || !this.handler.onCheckpoint) return;
    if (this.cursor - this.lastCheckpoint < this.checkpointEvery) return;
    this.lastCheckpoint = this.cursor;
    await this.handler.onCheckpoint(this.cursor);
  }
}
