import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NewEvent, RecordedEvent } from '../envelope';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '../errors';
import {
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows';
import { FilteredReader } from './filtered-reader';
import { GroupCommit } from './group-commit';
import { durabilityOf, openDatabase } from './schema';
import type { SqliteDurability, SqliteEventStoreOptions } from './sqlite-options';
import { SqliteSubscription } from './sqlite-subscription';
import { StreamTruncator } from './stream-truncator';
import { WalCheckpointer } from './wal-checkpointer';

export type { SqliteDurability, SqliteEventStoreOptions } from './sqlite-options';
export { SQLITE_DURABILITIES } from './sqlite-options';

const NO_LIMIT = -1;
const DEFAULT_BATCH_SIZE = 500;

/**
 * The embedded event store: one SQLite file in WAL mode, shared safely with other processes on the same
 * machine (the CLI appending while the server runs). Appends are group-committed; subscriptions wake on
 * this process's commits at once and notice other processes' commits by polling `PRAGMA data_version`.
 */
export class SqliteEventStore extends EventStore {
  private readonly db: DatabaseSync;
  private readonly groupCommit: GroupCommit;
  private readonly truncator: StreamTruncator;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly pollIntervalMs: number;
  private readonly statements: {
    forwards: StatementSync;
    backwards: StatementSync;
    all: StatementSync;
    atPositions: StatementSync;
    head: StatementSync;
    dataVersion: StatementSync;
    ping: StatementSync;
  };
  private poller: NodeJS.Timeout | undefined;
  private lastDataVersion = 0;
  private closing: Promise<void> | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;

  constructor(options: SqliteEventStoreOptions) {
    super();
    const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    const inWorker = (options.checkpointInWorker ?? true) && options.file !== ':memory:';
    this.db = openDatabase({
      file: options.file,
      busyTimeoutMs,
      autoCheckpoint: !inWorker,
      durability: options.durability ?? 'full',
    });
    this.checkpointer = inWorker
      ? new WalCheckpointer({
          file: options.file,
          busyTimeoutMs,
          onFailure: (error) => {
            process.emitWarning(`WAL checkpointer stopped, checkpointing inline: ${String(error)}`);
            if (!this.closing) this.db.exec('PRAGMA wal_autocheckpoint = 1000');
          },
        })
      : undefined;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.groupCommit = new GroupCommit(this.db, options.maxGroupSize ?? 1_000, () => this.wakeAll());
    this.truncator = new StreamTruncator(this.db);
    const select = `SELECT ${EVENT_COLUMNS} FROM events`;
    // Reads start at the stream's truncation point, which hides the last row retention keeps.
    const visible =
      'revision >= coalesce((SELECT before_revision FROM stream_truncations WHERE stream_id = $stream), 0)';
    this.statements = {
      forwards: this.db.prepare(
        `${select} WHERE stream_id = $stream AND revision >= $from AND ${visible} ORDER BY revision LIMIT $limit`,
      ),
      backwards: this.db.prepare(
        `${select} WHERE stream_id = $stream AND revision <= $from AND ${visible} ORDER BY revision DESC LIMIT $limit`,
      ),
      all: this.db.prepare(`${select} WHERE position > ? ORDER BY position LIMIT ?`),
      // One statement for any number of positions: they travel as a JSON array.
      atPositions: this.db.prepare(
        `${select} WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
      ),
      head: this.db.prepare('SELECT coalesce(max(position), -1) AS head FROM events'),
      dataVersion: this.db.prepare('PRAGMA data_version'),
      ping: this.db.prepare('SELECT 1'),
    };
  }

  override appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (this.closing) return Promise.reject(this.closedError());
    try {
      return this.groupCommit.submit(streamId, events, options.expectedRevision ?? 'any');
    } catch (error) {
      return Promise.reject(error);
    }
  }

  override async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? NO_LIMIT;
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const params = { stream: streamId, from, limit };
    const rows = this.query(() => this.statements[backwards ? 'backwards' : 'forwards'].all(params));
    return (rows as unknown as EventRow[]).map(toRecordedEvent);
  }

  override async truncateStreamBefore(streamId: string, revision: number): Promise<void> {
    this.query(() => this.truncator.truncateBefore(streamId, revision));
  }

  override async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.query(() => this.statements.all.all(options.after ?? -1, options.maxCount ?? NO_LIMIT));
    return (rows as unknown as EventRow[]).map(toRecordedEvent);
  }

  override async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    if (positions.length === 0) return [];
    const rows = this.query(() => this.statements.atPositions.all(JSON.stringify(positions)));
    return (rows as unknown as EventRow[]).map(toRecordedEvent);
  }

  override subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    if (this.closing) throw this.closedError();
    const batchSize = Math.max(1, options.maxBatchSize ?? DEFAULT_BATCH_SIZE);
    const reader = this.query(() => new FilteredReader(this.db, options.filter, batchSize));
    const subscription = new SqliteSubscription(reader, handler, options.after, batchSize, (finished) => {
      this.subscriptions.delete(finished);
      if (this.subscriptions.size === 0) this.stopPolling();
    });
    this.subscriptions.add(subscription);
    this.startPolling();
    return subscription;
  }

  /** The durability this store's connection really runs with, read back from SQLite. */
  durability(): SqliteDurability {
    return this.query(() => durabilityOf(this.db));
  }

  override async headPosition(): Promise<number> {
    return this.query(() => (this.statements.head.get() as { head: number }).head);
  }

  override async ping(): Promise<void> {
    this.query(() => this.statements.ping.get());
  }

  /** Stops subscriptions, commits appends already accepted, then closes the file. Safe to call twice. */
  override close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.stopPolling();
    this.groupCommit.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.groupCommit.drain();
    this.db.close();
    await this.checkpointer?.close();
  }

  private query<T>(run: () => T): T {
    if (this.closing) throw this.closedError();
    try {
      return run();
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) throw error;
      throw new EventStoreUnavailableError('The SQLite event store failed', { cause: error });
    }
  }

  private closedError(): EventStoreUnavailableError {
    return new EventStoreUnavailableError('The SQLite event store is closed');
  }

  private wakeAll(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }

  private startPolling(): void {
    if (this.poller) return;
    this.lastDataVersion = this.readDataVersion();
    this.poller = setInterval(() => {
      // data_version changes only when another connection commits; our own commits wake directly.
      try {
        const version = this.readDataVersion();
        if (version === this.lastDataVersion) return;
        this.lastDataVersion = version;
      } catch {
        // Woken subscriptions read the store themselves and report the failure through onError.
      }
      this.wakeAll();
    }, this.pollIntervalMs);
    // Polling alone must not keep the process alive.
    this.poller.unref();
  }

  private stopPolling(): void {
    clearInterval(this.poller);
    this.poller = undefined;
  }

  private readDataVersion(): number {
    return (this.statements.dataVersion.get() as { data_version: number }).data_version;
  }
}
