import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** A projection's stored progress: the last applied global position and the version that applied it. */
export interface StoredCheckpoint {
  readonly position: number;
  readonly version: number;
}

/** Nothing applied yet: positions start at 0. */
export const NO_CHECKPOINT = -1;

/**
 * `projection_checkpoints`, written in the same transaction as the read model rows so a crash
 * never applies an event twice or skips one.
 */
export class CheckpointStore {
  private readonly selectStmt: StatementSync;
  private readonly upsertStmt: StatementSync;

  constructor(db: DatabaseSync) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.selectStmt = db.prepare('SELECT position, version FROM projection_checkpoints WHERE name = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO projection_checkpoints (name, position, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version,
         updated_at = excluded.updated_at`,
    );
  }

  read(name: string): StoredCheckpoint | undefined {
    const row = this.selectStmt.get(name) as { position: number; version: number } | undefined;
    return row ? { position: row.position, version: row.version } : undefined;
  }

  write(name: string, checkpoint: StoredCheckpoint, now: Date = new Date()): void {
    this.upsertStmt.run(name, checkpoint.position, checkpoint.version, now.toISOString());
  }
}
