import type { DatabaseSync } from 'node:sqlite';
import type { EventStore, RecordedEvent, Subscription } from '#eventstore';
import { CheckpointStore, NO_CHECKPOINT } from './checkpoint-store';
import { PositionWaiters } from './position-waiters';
import { inTransaction } from './readmodel-db';
import { rebuildProjection, type RebuildProgress, type RebuildResult } from './rebuild';
import type { ProjectionLogger, ProjectionRunnerOptions, ProjectionStatus } from './runner-types';
import { lastMatchingUpTo } from './last-matching';
import { liveTables, pageApplierOf, type AnySqliteProjection } from './sqlite-projection';

const silentLogger: ProjectionLogger = { log: () => {}, error: (m, e) => console.error(m, e) };
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Keeps one SQLite projection up to date from a checkpointed `$all` subscription.
 *
 * Each batch is one transaction that re-reads the checkpoint, skips what is at or below it and writes
 * the new one: several runners on one file (the server and the CLI) never apply an event twice, and a
 * crash between batches resumes exactly where the last commit stopped.
 */
export class ProjectionRunner {
  readonly projection: AnySqliteProjection;
  private readonly store: EventStore;
  private readonly db: DatabaseSync;
  private readonly checkpoints: CheckpointStore;
  private readonly batchSize: number;
  private readonly rebuildPageSize: number;
  private readonly baseRetryDelayMs: number;
  private readonly logger: ProjectionLogger;
  private readonly waiters = new PositionWaiters();
  private apply: ((events: readonly RecordedEvent[]) => void) | undefined;
  private subscription: Subscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private position = NO_CHECKPOINT;
  private running = false;
  /** Set by stop(): a rebuild polls it, while a rebuild on a never-started runner (the CLI) runs to the end. */
  private stopping = false;
  private caughtUp = false;
  private rebuilding: Promise<RebuildResult> | undefined;
  private lastError: string | null = null;
  private readonly appliedListeners = new Set<(events: readonly RecordedEvent[]) => void>();

  constructor(options: ProjectionRunnerOptions) {
    this.projection = options.projection;
    this.store = options.store;
    this.db = options.db;
    this.checkpoints = new CheckpointStore(options.db);
    this.batchSize = options.batchSize ?? 2_000;
    this.rebuildPageSize = options.rebuildPageSize ?? 5_000;
    this.baseRetryDelayMs = options.retryDelayMs ?? 500;
    this.retryDelayMs = this.baseRetryDelayMs;
    this.logger = options.logger ?? silentLogger;
  }

  get name(): string {
    return this.projection.name;
  }

  /** Last applied position as this runner knows it. */
  get checkpoint(): number {
    return this.position;
  }

  /** Migrates (or rebuilds, when the stored version differs) and subscribes from the stored checkpoint. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    const stored = this.checkpoints.read(this.name);
    if (stored && stored.version !== this.projection.version) {
      this.logger.log(
        `projection ${this.name}: version ${stored.version} → ${this.projection.version}, rebuilding`,
      );
      await this.rebuild();
    } else {
      inTransaction(this.db, () => this.projection.migrate(this.db, liveTables(this.projection)));
    }
    this.apply = pageApplierOf(this.projection.prepare(this.db, liveTables(this.projection)));
    this.advanceTo(this.checkpoints.read(this.name)?.position ?? NO_CHECKPOINT);
    if (this.running) this.subscribe();
  }

  /**
   * Calls `listener` with the events of each live batch right after its transaction committed, in
   * `$all` order, never twice for one event (a rebuild's replay is not reported). A live fan-out built
   * on it sees an event only once the read model holds it. Returns the unsubscribe function.
   */
  onApplied(listener: (events: readonly RecordedEvent[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    this.caughtUp = false;
    await subscription?.stop();
    await this.rebuilding?.catch(() => undefined);
    this.waiters.cancelAll();
  }

  /**
   * Rebuilds the read model from position 0 into shadow tables and swaps them in; the live tables keep
   * serving and updating meanwhile. Concurrent calls share one rebuild.
   */
  rebuild(onProgress?: RebuildProgress): Promise<RebuildResult> {
    this.rebuilding ??= rebuildProjection({
      db: this.db,
      store: this.store,
      projection: this.projection,
      checkpoints: this.checkpoints,
      pageSize: this.rebuildPageSize,
      onProgress,
      cancelled: () => this.stopping,
    })
      .then((result) => {
        this.advanceTo(result.position);
        return result;
      })
      .finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  /**
   * Resolves true once the read model reflects every event up to `position` (read-your-writes), false
   * after `timeoutMs`. A filtered subscription moves its checkpoint past other streams' events only
   * now and then, so a position written elsewhere (another read model's write) is reached as soon as
   * every event of ours up to it is applied.
   */
  async waitForPosition(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return true;
    if (!this.running) return false;
    const after = this.position === NO_CHECKPOINT ? undefined : this.position;
    const needed = await lastMatchingUpTo(this.store, this.projection.filter, after, position);
    if (this.position >= needed) return true;
    return this.waiters.wait(needed, timeoutMs);
  }

  async status(): Promise<ProjectionStatus> {
    let headPosition: number | null = null;
    try {
      headPosition = await this.store.headPosition();
    } catch (error) {
      this.lastError = describe(error);
    }
    return {
      name: this.name,
      version: this.projection.version,
      checkpoint: this.position,
      headPosition,
      lag: headPosition === null ? null : Math.max(0, headPosition - this.position),
      caughtUp: this.caughtUp,
      rebuilding: this.rebuilding !== undefined,
      lastError: this.lastError,
    };
  }

  private subscribe(): void {
    this.caughtUp = false;
    this.subscription = this.store.subscribeToAll(
      {
        after: this.position === NO_CHECKPOINT ? undefined : this.position,
        filter: this.projection.filter,
        maxBatchSize: this.batchSize,
      },
      {
        onEvents: (events) => this.applyBatch(events),
        onCaughtUp: () => (this.caughtUp = true),
        onCheckpoint: (position) => this.skipTo(position),
        onError: (error) => this.onSubscriptionError(error),
      },
    );
  }

  private applyBatch(events: readonly RecordedEvent[]): void {
    const apply = this.apply;
    if (!apply || events.length === 0) return;
    let fresh: readonly RecordedEvent[] = [];
    const reached = inTransaction(this.db, () => {
      const stored = this.checkpoints.read(this.name)?.position ?? NO_CHECKPOINT;
      // Pages come in position order: what another runner on this file already applied is a prefix.
      fresh = events[0].position > stored ? events : events.filter((e) => e.position > stored);
      if (fresh.length === 0) return stored;
      apply(fresh);
      const last = fresh[fresh.length - 1].position;
      this.checkpoints.write(this.name, { position: last, version: this.projection.version });
      return last;
    });
    this.lastError = null;
    this.retryDelayMs = this.baseRetryDelayMs;
    this.advanceTo(reached);
    if (fresh.length > 0) this.notifyApplied(fresh);
  }

  private notifyApplied(events: readonly RecordedEvent[]): void {
    for (const listener of this.appliedListeners) {
      try {
        listener(events);
      } catch (error) {
        // A listener's failure must not undo or repeat a committed batch.
        this.logger.error(`projection ${this.name}: a listener of applied events failed`, error);
      }
    }
  }

  /** The store scanned past events the filter rejects: move the checkpoint without applying anything. */
  private skipTo(position: number): void {
    if (position <= this.position) return;
    const reached = inTransaction(this.db, () => {
      const stored = this.checkpoints.read(this.name)?.position ?? NO_CHECKPOINT;
      if (position <= stored) return stored;
      this.checkpoints.write(this.name, { position, version: this.projection.version });
      return position;
    });
    this.advanceTo(reached);
  }

  private advanceTo(position: number): void {
    if (position <= this.position) return;
    this.position = position;
    this.waiters.reached(position);
  }

  private onSubscriptionError(error: unknown): void {
    this.lastError = describe(error);
    this.caughtUp = false;
    this.subscription = undefined;
    if (!this.running) return;
    this.logger.error(
      `projection ${this.name} stopped at ${this.position}; retrying in ${this.retryDelayMs} ms`,
      error,
    );
    // Resubscribe from the committed checkpoint: a failed batch rolled back, so nothing is lost or doubled.
    this.retryTimer = setTimeout(() => {
      if (this.running && !this.subscription) this.subscribe();
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_DELAY_MS);
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
