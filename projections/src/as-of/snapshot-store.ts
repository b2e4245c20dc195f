import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { AsOf, FoldedState, StreamFold } from './as-of';

/** File name of the as-of snapshots inside the data directory. */
export const AS_OF_SNAPSHOTS_FILE = 'as-of-snapshots.sqlite';

interface SnapshotRow {
  revision: number;
  position: number;
  occurred_at_ms: number;
  state: string;
}

/**
 * Folded states of long streams, keyed by stream, fold, fold version and revision, so an as-of read
 * folds only the events after the newest snapshot inside its moment. A snapshot is a cache: deleting
 * the file loses nothing but time. Only streams with no personal fields are snapshotted (guild,
 * player), so erasure never has to reach in here.
 */
export class AsOfSnapshotStore {
  private readonly db: DatabaseSync;
  private readonly byPosition: StatementSync;
  private readonly byTime: StatementSync;
  private readonly insert: StatementSync;
  private readonly count: StatementSync;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file, { timeout: 10_000 });
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec('PRAGMA synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS as_of_snapshots (
      stream_id TEXT NOT NULL,
      fold TEXT NOT NULL,
      fold_version INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL,
      occurred_at_ms INTEGER NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY (stream_id, fold, fold_version, revision)
    ) WITHOUT ROWID`);
    const newest = (bound: string) =>
      this.db.prepare(
        `SELECT revision, position, occurred_at_ms, state FROM as_of_snapshots
         WHERE stream_id = ? AND fold = ? AND fold_version = ? AND ${bound} <= ?
         ORDER BY revision DESC LIMIT 1`,
      );
    this.byPosition = newest('position');
    this.byTime = newest('occurred_at_ms');
    this.insert = this.db.prepare(
      `INSERT OR IGNORE INTO as_of_snapshots
       (stream_id, fold, fold_version, revision, position, occurred_at_ms, state) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.count = this.db.prepare(
      'SELECT count(*) AS n FROM as_of_snapshots WHERE stream_id = ? AND fold = ? AND fold_version = ?',
    );
  }

  /** The newest snapshot of the stream inside the moment, under the fold's current version. */
  newest<S>(streamId: string, fold: StreamFold<S>, asOf: AsOf): FoldedState<S> | undefined {
    const [statement, bound] =
      'position' in asOf ? [this.byPosition, asOf.position] : [this.byTime, asOf.time];
    const row = statement.get(streamId, fold.name, fold.version, bound) as SnapshotRow | undefined;
    if (!row) return undefined;
    return {
      state: JSON.parse(row.state) as S,
      revision: row.revision,
      position: row.position,
      occurredAtMs: row.occurred_at_ms,
    };
  }

  save<S>(streamId: string, fold: StreamFold<S>, folded: FoldedState<S>): void {
    const { revision, position, occurredAtMs, state } = folded;
    this.insert.run(
      streamId,
      fold.name,
      fold.version,
      revision,
      position,
      occurredAtMs ?? 0,
      JSON.stringify(state),
    );
  }

  /** How many snapshots the stream has under the fold's current version. */
  countOf<S>(streamId: string, fold: StreamFold<S>): number {
    return (this.count.get(streamId, fold.name, fold.version) as { n: number }).n;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
