import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** File name of the read-model database inside the data directory; one per process, shared by all projections. */
export const READMODELS_FILE = 'readmodels.sqlite';

/**
 * Opens (creating if needed) the read-model database at `${dataDir}/readmodels.sqlite`, or at `path`
 * when one is given (`:memory:` for tests).
 *
 * WAL lets REST reads run while a projection writes. `synchronous=NORMAL` may lose the last
 * transactions on power loss (never on a process crash): acceptable here because a read model is a
 * cache of the event store, and its checkpoint is lost together with its rows, so the runner simply
 * re-applies those events. The event store itself keeps `FULL`.
 */
export function openReadModelDb(options: { dataDir: string } | { path: string }): DatabaseSync {
  const path = 'path' in options ? options.path : join(options.dataDir, READMODELS_FILE);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // The server and the CLI may share the file; wait for the other's write lock instead of failing.
  const db = new DatabaseSync(path, { timeout: 10_000 });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  // Erasure rewrites rows that held personal data: zero the old bytes instead of leaving them in free space.
  db.exec('PRAGMA secure_delete = ON');
  // Read models are small and hot: a larger page cache keeps catch-up and rebuilds off the disk.
  db.exec('PRAGMA cache_size = -32000');
  db.exec('PRAGMA temp_store = MEMORY');
  return db;
}

/**
 * Runs `work` in one write transaction. `BEGIN IMMEDIATE` takes the write lock up front so a
 * concurrent process cannot slip in between our checkpoint read and our writes.
 * `work` must be synchronous: an `await` inside would let other users of the connection run their
 * statements inside this transaction.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Quotes an SQL identifier (table or index name). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
