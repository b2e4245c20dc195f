import { DatabaseSync } from 'node:sqlite';
import { SQLITE_DURABILITIES, type SqliteDurability } from './sqlite-options';

/** Bumped when the table layout changes, so an older file can be migrated rather than misread. */
// v2 added stream_truncations; an older build would show a truncated stream's kept last event.
const SCHEMA_VERSION = 2;

// `position` is the rowid, assigned by the writer inside its IMMEDIATE transaction: commits are serialised
// by SQLite's write lock, so positions grow with commit order and a reader never sees a later position
// before an earlier one. UNIQUE(stream_id, revision) doubles as the index for stream reads and for
// "current revision of a stream" (the last entry of that stream in the index), so no streams table is kept.
//
// Only the first event id of each append is indexed (unique): that is all idempotent retries need, since a
// retry is recognised by its first id and the rest is checked by revision. A unique index on every id
// costs one random B-tree page per event (UUIDs do not cluster) and capped 100-event batches at about a
// third of their throughput with this index.
//
// Retention (truncateStreamBefore) deletes a stream's old rows but always keeps its last one: that row
// carries the stream's current revision and may be `$all`'s head position, which must never be reused.
// `stream_truncations` records the point below which reads hide the stream, kept row included.
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL,
  append_start   INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE UNIQUE INDEX IF NOT EXISTS events_append_id ON events (event_id) WHERE append_start = 1;
CREATE TABLE IF NOT EXISTS stream_truncations (
  stream_id       TEXT    PRIMARY KEY,
  before_revision INTEGER NOT NULL
) WITHOUT ROWID;
`;

export interface DatabaseOptions {
  readonly file: string;
  readonly busyTimeoutMs: number;
  /** False when a WalCheckpointer does the checkpoints. */
  readonly autoCheckpoint: boolean;
  readonly durability: SqliteDurability;
}

// PRAGMA synchronous as SQLite reports it back: 1 is NORMAL, 2 is FULL.
const SYNCHRONOUS = { normal: 1, full: 2 } as const satisfies Record<SqliteDurability, number>;

/**
 * Opens the event store file. `node:sqlite` ships inside Node 24, so the embedded mode needs no native
 * addon to compile or download (unlike better-sqlite3), which keeps `npm start` working on any machine.
 */
export function openDatabase({
  file,
  busyTimeoutMs,
  autoCheckpoint,
  durability,
}: DatabaseOptions): DatabaseSync {
  // Checked before anything is opened: a typo in configuration must not quietly pick a durability.
  if (!SQLITE_DURABILITIES.includes(durability)) {
    throw new Error(
      `durability must be one of ${SQLITE_DURABILITIES.join(', ')}, got "${String(durability)}"`,
    );
  }
  const db = new DatabaseSync(file);
  try {
    // Set first: switching to WAL and creating tables take locks another process may hold briefly.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // WAL lets readers (subscriptions, another process) run while one writer commits.
    db.exec('PRAGMA journal_mode = WAL');
    // FULL fsyncs the WAL on every commit (survives power loss); NORMAL leaves it in the page cache until
    // a checkpoint (survives a process crash only). See SqliteEventStoreOptions.durability.
    db.exec(`PRAGMA synchronous = ${SYNCHRONOUS[durability]}`);
    // A page cache big enough for the hot index pages.
    db.exec('PRAGMA cache_size = -65536');
    // Checkpoints run in a worker thread (WalCheckpointer); this connection only does them as a fallback.
    db.exec(`PRAGMA wal_autocheckpoint = ${autoCheckpoint ? 1000 : 0}`);
    // After a checkpoint lets the WAL start over, shrink the file back instead of keeping its peak size.
    db.exec('PRAGMA journal_size_limit = 67108864');
    db.exec('BEGIN IMMEDIATE');
    try {
      const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `${file} has event store schema v${version}; this build reads up to v${SCHEMA_VERSION}`,
        );
      }
      db.exec(DDL);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The durability a connection runs with, read back from `PRAGMA synchronous` (it is per connection). */
export function durabilityOf(db: DatabaseSync): SqliteDurability {
  const { synchronous } = db.prepare('PRAGMA synchronous').get() as { synchronous: number };
  const found = SQLITE_DURABILITIES.find((durability) => SYNCHRONOUS[durability] === synchronous);
  if (!found) throw new Error(`PRAGMA synchronous is ${synchronous}, which is neither NORMAL nor FULL`);
  return found;
}
