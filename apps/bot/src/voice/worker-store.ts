import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { CheckpointStore, NO_CHECKPOINT, inTransaction, openReadModelDb } from '#projections';

/** A guild the worker must look after on start: something is playing or queued there. */
export interface ActiveGuild {
  readonly guildId: string;
  /** Last position the worker saw audio at, for resuming after a restart. */
  readonly trackId: string | null;
  readonly epoch: number | null;
  readonly positionMs: number | null;
}

const CHECKPOINT = 'player-worker';
const VERSION = 1;

/**
 * The worker's own durable memory, in its own SQLite file: its subscription checkpoint, the guilds
 * with something to play (so a restart need not scan the log for them), and the last audio position
 * of each, written every few seconds and on shutdown.
 */
export class WorkerStore {
  private readonly checkpoints: CheckpointStore;
  private readonly upsert: StatementSync;
  private readonly remove: StatementSync;
  private readonly savePosition: StatementSync;

  constructor(readonly db: DatabaseSync) {
    db.exec(`CREATE TABLE IF NOT EXISTS player_worker_guilds (
      guild_id TEXT PRIMARY KEY,
      track_id TEXT,
      epoch INTEGER,
      position_ms INTEGER,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.checkpoints = new CheckpointStore(db);
    this.upsert = db.prepare(
      `INSERT INTO player_worker_guilds (guild_id, updated_at) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING`,
    );
    this.remove = db.prepare('DELETE FROM player_worker_guilds WHERE guild_id = ?');
    this.savePosition = db.prepare(
      'UPDATE player_worker_guilds SET track_id = ?, epoch = ?, position_ms = ?, updated_at = ? WHERE guild_id = ?',
    );
  }

  static open(path: string): WorkerStore {
    return new WorkerStore(openReadModelDb({ path }));
  }

  checkpoint(): number {
    return this.checkpoints.read(CHECKPOINT)?.position ?? NO_CHECKPOINT;
  }

  activeGuilds(): ActiveGuild[] {
    const rows = this.db
      .prepare('SELECT guild_id, track_id, epoch, position_ms FROM player_worker_guilds')
      .all() as {
      guild_id: string;
      track_id: string | null;
      epoch: number | null;
      position_ms: number | null;
    }[];
    return rows.map((r) => ({
      guildId: r.guild_id,
      trackId: r.track_id,
      epoch: r.epoch,
      positionMs: r.position_ms,
    }));
  }

  /** Records a delivered batch: which guilds are active now, and the checkpoint, in one transaction. */
  commitBatch(
    position: number,
    guilds: readonly { guildId: string; active: boolean }[],
    now = new Date(),
  ): void {
    inTransaction(this.db, () => {
      for (const { guildId, active } of guilds) {
        if (active) this.upsert.run(guildId, now.toISOString());
        else this.remove.run(guildId);
      }
      if (position > this.checkpoint()) this.checkpoints.write(CHECKPOINT, { position, version: VERSION });
    });
  }

  savePositions(
    positions: readonly { guildId: string; trackId: string; epoch: number; positionMs: number }[],
  ): void {
    if (positions.length === 0) return;
    const now = new Date().toISOString();
    inTransaction(this.db, () => {
      for (const p of positions)
        this.savePosition.run(p.trackId, p.epoch, Math.round(p.positionMs), now, p.guildId);
    });
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
