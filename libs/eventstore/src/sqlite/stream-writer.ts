import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { NewEvent } from '../envelope';
import { ConcurrencyConflictError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';

/** An event with its JSON already serialised, so nothing but SQLite runs inside the write transaction. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

export function serialize(event: NewEvent): SerializedEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata),
  };
}

export interface WriteOutcome {
  readonly result: AppendResult;
  /** How many rows were inserted: 0 for an idempotent replay. */
  readonly written: number;
}

const SQLITE_CONSTRAINT = 19;

function isConstraintViolation(error: unknown): boolean {
  const errcode = (error as { errcode?: number } | undefined)?.errcode;
  return typeof errcode === 'number' && (errcode & 0xff) === SQLITE_CONSTRAINT;
}

function satisfies(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === -1;
  if (expected === 'stream_exists') return current >= 0;
  return current === expected;
}

/** Writes one append; only ever called by the group commit, inside its open transaction. */
export class StreamWriter {
  private readonly head: StatementSync;
  private readonly currentRevision: StatementSync;
  private readonly insert: StatementSync;
  private readonly findEvent: StatementSync;
  private readonly storedFrom: StatementSync;
  private readonly savepoint: StatementSync;
  private readonly release: StatementSync;
  private readonly rollbackTo: StatementSync;

  constructor(db: DatabaseSync) {
    this.head = db.prepare('SELECT coalesce(max(position), -1) AS head FROM events');
    this.currentRevision = db.prepare(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    this.insert = db.prepare(
      `INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findEvent = db.prepare('SELECT stream_id, revision FROM events WHERE event_id = ?');
    this.storedFrom = db.prepare(
      'SELECT event_id, revision, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.savepoint = db.prepare('SAVEPOINT append');
    this.release = db.prepare('RELEASE append');
    this.rollbackTo = db.prepare('ROLLBACK TO append');
  }

  headPosition(): number {
    return (this.head.get() as { head: number }).head;
  }

  revisionOf(streamId: string): number {
    const row = this.currentRevision.get(streamId) as { revision: number } | undefined;
    return row ? row.revision : -1;
  }

  /**
   * Appends `events` at positions from `firstPosition`. A savepoint confines a failure to this append,
   * so the other appends of the group still commit.
   */
  write(
    streamId: string,
    events: readonly SerializedEvent[],
    expected: ExpectedRevision,
    firstPosition: number,
    recordedAt: string,
  ): WriteOutcome {
    const current = this.revisionOf(streamId);
    if (events.length === 0) {
      if (!satisfies(expected, current)) throw new ConcurrencyConflictError(streamId, expected, current);
      return { result: { nextRevision: current, position: this.positionOf(streamId, current) }, written: 0 };
    }
    if (!satisfies(expected, current)) return this.replayOrConflict(streamId, events, expected, current);
    this.savepoint.run();
    try {
      events.forEach((event, i) =>
        this.insert.run(
          firstPosition + i,
          streamId,
          current + 1 + i,
          event.id,
          event.type,
          event.schemaVersion,
          event.data,
          event.metadata,
          recordedAt,
        ),
      );
      this.release.run();
    } catch (error) {
      this.rollbackTo.run();
      this.release.run();
      // An event id already stored: either a retry of an earlier append (answered as it was) or a clash.
      if (isConstraintViolation(error)) return this.replayOrConflict(streamId, events, expected, current);
      throw error;
    }
    const last = events.length - 1;
    return {
      result: { nextRevision: current + 1 + last, position: firstPosition + last },
      written: events.length,
    };
  }

  /** A retry is recognised by its first event id; the whole batch must then match what is stored. */
  private replayOrConflict(
    streamId: string,
    events: readonly SerializedEvent[],
    expected: ExpectedRevision,
    current: number,
  ): WriteOutcome {
    const first = this.findEvent.get(events[0].id) as { stream_id: string; revision: number } | undefined;
    if (first && first.stream_id === streamId) {
      const stored = this.storedFrom.all(streamId, first.revision, events.length) as {
        event_id: string;
        revision: number;
        position: number;
      }[];
      const matches =
        stored.length === events.length && stored.every((row, i) => row.event_id === events[i].id);
      const last = stored.at(-1);
      if (matches && last)
        return { result: { nextRevision: last.revision, position: last.position }, written: 0 };
    }
    throw new ConcurrencyConflictError(streamId, expected, current);
  }

  private positionOf(streamId: string, revision: number): number {
    if (revision < 0) return -1;
    const row = this.storedFrom.get(streamId, revision, 1) as { position: number } | undefined;
    return row?.position ?? -1;
  }
}
