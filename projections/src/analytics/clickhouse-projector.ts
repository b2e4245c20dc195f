import type { AnalyticsClient } from '#analytics';
import type { EventStore, RecordedEvent, Subscription } from '#eventstore';
import { PositionWaiters } from '../runtime/position-waiters';
import type { ProjectionLogger } from '../runtime/runner-types';
import {
  batchToken,
  readCheckpoint,
  writeCheckpoint,
  type AnalyticsCheckpoint,
} from './analytics-checkpoint';
import { dropAnalytics, migrateAnalytics } from './analytics-migrations';
import { emptyRows, insertBatch, recoverPending } from './analytics-writer';
import { UsageRetention } from './usage-retention';
import { ANALYTICS_FILTER, toRows } from './usage-rows';

export interface ClickHouseProjectorOptions {
  readonly store: EventStore;
  readonly analytics: AnalyticsClient;
  /** Rows per insert; a batch also goes when `flushIntervalMs` passes after its first event. */
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
  readonly retryDelayMs?: number;
  readonly logger?: ProjectionLogger;
  /** When set, confirmed usage events older than this are truncated from `usage-*` streams. */
  readonly usageRetentionDays?: number;
  /** Test seam: runs after a batch is inserted and before its checkpoint is written. */
  readonly afterInsert?: (to: number) => Promise<void> | void;
  /** Told of every batch that reaches ClickHouse (metrics); a port, so this library knows no registry. */
  readonly observer?: AnalyticsQueueObserver;
  /** Monotonic milliseconds, for the time rows wait; tests pass their own. */
  readonly now?: () => number;
}

/** What the analytics queue reports: each inserted batch's rows and how long its oldest row waited. */
export interface AnalyticsQueueObserver {
  batchInserted(rows: number, oldestWaitSeconds: number): void;
}

export interface AnalyticsProjectorStatus {
  readonly name: 'analytics';
  readonly checkpoint: number;
  readonly caughtUp: boolean;
  readonly lastError: string | null;
}

const NAME = 'analytics';
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Feeds ClickHouse from a checkpointed `$all` subscription, in batches by size and by time. The
 * checkpoint lives in ClickHouse; see AnalyticsCheckpoint for how a crash mid-batch is made whole.
 * When ClickHouse is down the projector stops, retries with backoff, and resumes from its checkpoint.
 */
export class ClickHouseProjector {
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly baseRetryDelayMs: number;
  private readonly waiters = new PositionWaiters();
  private readonly retention: UsageRetention | undefined;
  private checkpoint: AnalyticsCheckpoint | undefined;
  private subscription: Subscription | undefined;
  private rows = emptyRows();
  /** When the oldest row now buffered arrived; undefined while nothing waits. */
  private oldestQueuedAt: number | undefined;
  private readonly now: () => number;
  private bufferedTo = -1;
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private running = false;
  private caughtUp = false;
  private lastError: string | null = null;

  constructor(private readonly options: ClickHouseProjectorOptions) {
    this.batchSize = options.batchSize ?? 20_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.baseRetryDelayMs = options.retryDelayMs ?? 500;
    this.retryDelayMs = this.baseRetryDelayMs;
    this.now = options.now ?? performance.now.bind(performance);
    const days = options.usageRetentionDays;
    this.retention = days ? new UsageRetention(options.store, days, options.logger) : undefined;
  }

  /** Starts in the background: an unavailable store must not hold up the rest of the process. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    await this.unsubscribe();
    await this.flushing.catch(() => undefined);
    this.waiters.cancelAll();
  }

  status(): AnalyticsProjectorStatus {
    return {
      name: NAME,
      checkpoint: this.checkpoint?.confirmed ?? -1,
      caughtUp: this.caughtUp,
      lastError: this.lastError,
    };
  }

  /** Rows buffered and not yet inserted: the depth of the queue in front of ClickHouse. */
  queuedRows(): number {
    return this.rows.usage.length + this.rows.tracks.length;
  }

  /** Resolves true once everything up to `position` is in ClickHouse, false after `timeoutMs`. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if ((this.checkpoint?.confirmed ?? -1) >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  /** Drops every analytics table and replays from position 0. */
  async rebuild(): Promise<void> {
    const wasRunning = this.running;
    await this.stop();
    const { client } = this.options.analytics;
    const previous = await readCheckpoint(client, NAME).catch(() => undefined);
    await dropAnalytics(client);
    await migrateAnalytics(client);
    const generation = (previous?.generation ?? 0) + 1;
    await writeCheckpoint(client, NAME, {
      seq: (previous?.seq ?? 0) + 1,
      generation,
      confirmed: -1,
      pending: -1,
    });
    this.checkpoint = undefined;
    if (wasRunning) this.start();
  }

  private async connect(): Promise<void> {
    try {
      const { client } = this.options.analytics;
      await migrateAnalytics(client);
      const checkpoint = await recoverPending(this.options.analytics, this.options.store, NAME);
      this.confirm(checkpoint);
      if (this.running) this.subscribe(checkpoint.confirmed);
    } catch (error) {
      this.fail(error);
    }
  }

  private subscribe(after: number): void {
    this.rows = emptyRows();
    this.oldestQueuedAt = undefined;
    this.bufferedTo = after;
    this.subscription = this.options.store.subscribeToAll(
      { after: after === -1 ? undefined : after, filter: ANALYTICS_FILTER, maxBatchSize: this.batchSize },
      {
        onEvents: (events) => this.buffer(events),
        onCaughtUp: () => {
          this.caughtUp = true;
          this.scheduleFlush();
        },
        onCheckpoint: (position) => {
          this.bufferedTo = Math.max(this.bufferedTo, position);
          this.scheduleFlush();
        },
        onError: (error) => this.fail(error),
      },
    );
  }

  private async buffer(events: readonly RecordedEvent[]): Promise<void> {
    const queuedBefore = this.queuedRows();
    for (const event of events) {
      const before = this.rows.usage.length;
      toRows(event, this.rows);
      // Only an event that became a row may ever be truncated; its time is the row's.
      const row = this.rows.usage.length > before ? this.rows.usage.at(-1) : undefined;
      if (row) this.retention?.note(event, Number(row.ts) * 1000);
    }
    if (events.length > 0) this.bufferedTo = events[events.length - 1].position;
    if (queuedBefore === 0 && this.queuedRows() > 0) this.oldestQueuedAt = this.now();
    // Awaiting a full batch's insert holds the subscription back: backpressure instead of memory.
    if (this.queuedRows() >= this.batchSize) await this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer || !this.running) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush().catch((error: unknown) => this.fail(error));
    }, this.flushIntervalMs);
    this.flushTimer.unref();
  }

  /** Batches go one at a time, in order: each names the range it covers. */
  private flush(): Promise<void> {
    // A failed batch is reported by whoever awaited it; the next one must still run.
    this.flushing = this.flushing.catch(() => undefined).then(() => this.flushNow());
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    const checkpoint = this.checkpoint;
    const to = this.bufferedTo;
    if (!checkpoint || to <= checkpoint.confirmed) return;
    const rows = this.rows;
    const queuedAt = this.oldestQueuedAt;
    this.rows = emptyRows();
    this.oldestQueuedAt = undefined;
    const marks = this.retention?.take();
    const { client } = this.options.analytics;
    const from = checkpoint.confirmed;
    let seq = checkpoint.seq;
    const hasRows = rows.usage.length + rows.tracks.length > 0;
    if (hasRows) {
      // Intent first: if the process dies after this, the next start knows the exact batch to redo.
      await writeCheckpoint(client, NAME, { ...checkpoint, seq: ++seq, pending: to });
      await insertBatch(this.options.analytics, rows, batchToken(checkpoint, from, to));
      const inserted = rows.usage.length + rows.tracks.length;
      this.options.observer?.batchInserted(inserted, (this.now() - (queuedAt ?? this.now())) / 1000);
      await this.options.afterInsert?.(to);
    }
    const next = { ...checkpoint, seq: seq + 1, confirmed: to, pending: to };
    await writeCheckpoint(client, NAME, next);
    this.confirm(next);
    this.lastError = null;
    this.retryDelayMs = this.baseRetryDelayMs;
    // Only now, with the batch confirmed in ClickHouse, may its usage events leave the event store.
    if (marks) await this.retention?.apply(marks);
  }

  private confirm(checkpoint: AnalyticsCheckpoint): void {
    this.checkpoint = checkpoint;
    this.waiters.reached(checkpoint.confirmed);
  }

  private fail(error: unknown): void {
    this.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.caughtUp = false;
    void this.unsubscribe();
    if (!this.running) return;
    this.options.logger?.error(`analytics projector stopped; retrying in ${this.retryDelayMs} ms`, error);
    clearTimeout(this.retryTimer);
    // Buffered rows are dropped: the retry re-reads them from the store, after the confirmed checkpoint.
    this.retryTimer = setTimeout(() => void this.connect(), this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
  }

  private async unsubscribe(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
