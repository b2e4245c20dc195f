import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Retention on SQLite: deletes a stream's rows below a revision in one short write transaction of its
 * own. It runs synchronously on the store's connection, so it never interleaves with a group commit
 * (which also opens and commits its transaction in one synchronous call).
 */
export class StreamTruncator {
  private readonly current: StatementSync;
  private readonly record: StatementSync;
  private readonly remove: StatementSync;
  private readonly begin: StatementSync;
  private readonly commit: StatementSync;
  private readonly rollback: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.current = db.prepare(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    );
    // The point only moves forwards: a late, lower truncation must not show hidden events again.
    this.record = db.prepare(
      `INSERT INTO stream_truncations (stream_id, before_revision) VALUES (?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET before_revision = max(before_revision, excluded.before_revision)`,
    );
    this.remove = db.prepare('DELETE FROM events WHERE stream_id = ? AND revision < ?');
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  truncateBefore(streamId: string, revision: number): void {
    if (!Number.isSafeInteger(revision) || revision < 0) {
      throw new RangeError(`truncateStreamBefore needs a revision >= 0, got ${revision}`);
    }
    this.begin.run();
    try {
      const row = this.current.get(streamId) as { revision: number } | undefined;
      // A missing stream gets no record: otherwise its first events, appended later, would be hidden.
      if (row && revision > 0) {
        const before = Math.min(revision, row.revision + 1);
        this.record.run(streamId, before);
        // The last row stays (see schema.ts): the stream keeps its revision and $all its head.
        this.remove.run(streamId, Math.min(before, row.revision));
      }
      this.commit.run();
    } catch (error) {
      if (this.db.isTransaction) this.rollback.run();
      throw error;
    }
  }
}
