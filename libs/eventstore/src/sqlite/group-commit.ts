import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NewEvent } from '../envelope';
import { EventStoreUnavailableError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { serialize, StreamWriter, type SerializedEvent, type WriteOutcome } from './stream-writer';

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly SerializedEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: WriteOutcome } | { ok: false; error: unknown };

/**
 * Commits every append queued within one turn of the event loop in a single transaction, so a burst of
 * concurrent appends costs one fsync instead of one each. `synchronous=FULL` makes that fsync the price
 * of durability; sharing it is what lets many writers keep their latency low.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly writer: StreamWriter;
  private readonly begin: StatementSync;
  private readonly commit: StatementSync;
  private readonly rollback: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly maxGroupSize: number,
    /** Called after each successful commit, to wake subscriptions in this process. */
    private readonly onCommitted: () => void,
  ) {
    this.writer = new StreamWriter(db);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  get pending(): number {
    return this.queue.length;
  }

  submit(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    // Serialising here rejects unserialisable data on its own, before it can touch a shared transaction.
    const serialized = events.map(serialize);
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events: serialized, expected, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flushOneGroup());
      }
    });
  }

  /** Commits everything still queued, synchronously: used by close(). */
  drain(): void {
    while (this.queue.length > 0) this.commitGroup(this.queue.splice(0, this.maxGroupSize));
  }

  private flushOneGroup(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    this.commitGroup(this.queue.splice(0, this.maxGroupSize));
    // What is left waits one more turn, so reads and timers are not starved behind a long backlog.
    if (this.queue.length > 0) {
      this.scheduled = true;
      setImmediate(() => this.flushOneGroup());
    }
  }

  private commitGroup(group: readonly PendingAppend[]): void {
    let outcomes: Outcome[];
    try {
      outcomes = this.writeInTransaction(group);
    } catch (error) {
      const unavailable = new EventStoreUnavailableError('The event store could not commit appends', {
        cause: error,
      });
      for (const append of group) append.reject(unavailable);
      return;
    }
    group.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) append.resolve(outcome.value.result);
      else append.reject(outcome.error);
    });
    if (outcomes.some((outcome) => outcome.ok && outcome.value.written > 0)) this.onCommitted();
  }

  private writeInTransaction(group: readonly PendingAppend[]): Outcome[] {
    // BEGIN IMMEDIATE takes the write lock up front; while another process holds it, busy_timeout waits.
    this.begin.run();
    try {
      let nextPosition = this.writer.headPosition() + 1;
      const recordedAt = new Date().toISOString();
      const outcomes = group.map((append): Outcome => {
        try {
          const value = this.writer.write(
            append.streamId,
            append.events,
            append.expected,
            nextPosition,
            recordedAt,
          );
          nextPosition += value.written;
          return { ok: true, value };
        } catch (error) {
          return { ok: false, error };
        }
      });
      this.commit.run();
      return outcomes;
    } catch (error) {
      if (this.db.isTransaction) this.rollback.run();
      throw error;
    }
  }
}
