import { DatabaseSync } from 'node:sqlite';

/** Bumped when the table layout changes, so an older file can be migrated rather than misread. */
const SCHEMA_VERSION = 1;

// `position` is the rowid, assigned by the writer inside its IMMEDIATE transaction: commits are serialised
// by SQLite's write lock, so positions grow with commit order and a reader never sees a later position
// before an earlier one. UNIQUE(stream_id, revision) doubles as the index for stream reads and for
// "current revision of a stream" (the last entry of that stream in the index), so no streams table is kept.
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
`;

export interface DatabaseOptions {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

/**
 * Opens the event store file. `node:sqlite` ships inside Node 24, so the embedded mode needs no native
 * addon to compile or download (unlike better-sqlite3), which keeps `npm start` working on any machine.
 */
export function openDatabase({ file, busyTimeoutMs }: DatabaseOptions): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    // Set first: switching to WAL and creating tables take locks another process may hold briefly.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // WAL lets readers (subscriptions, another process) run while one writer commits.
    db.exec('PRAGMA journal_mode = WAL');
    // FULL fsyncs the WAL on every commit: an append is only acknowledged once it would survive a power
    // cut. NORMAL would be faster but may lose the last commits; group commit pays for FULL instead.
    db.exec('PRAGMA synchronous = FULL');
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
