import type { DatabaseSync } from 'node:sqlite';
import {
  PLAYER_EVENT_TYPES,
  evolvePlayer,
  initialPlayerState,
  type PlayerEvent,
  type PlayerState,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type PlayerTable = 'players';

/** A `players` row: the folded player, the live parts in columns and the lists as JSON. */
export interface PlayerRow {
  guild_id: string;
  voice_channel_id: string | null;
  current: string | null;
  queue: string;
  history: string;
  volume: number;
  loop_mode: string;
  fair_share: number;
  voice_fault: string | null;
  revision: number;
  updated_at: string;
}

function migrate(db: DatabaseSync, tables: TableNames<PlayerTable>): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.players)} (
    guild_id TEXT PRIMARY KEY,
    voice_channel_id TEXT,
    current TEXT,
    queue TEXT NOT NULL,
    history TEXT NOT NULL,
    volume INTEGER NOT NULL,
    loop_mode TEXT NOT NULL,
    fair_share INTEGER NOT NULL,
    voice_fault TEXT,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
}

/** Rebuilds the domain state from a row, so the read model folds with the decider's own `evolve`. */
export function rowToState(row: PlayerRow): PlayerState {
  return {
    guildId: row.guild_id,
    voiceChannelId: row.voice_channel_id,
    current: row.current === null ? null : (JSON.parse(row.current) as PlayerState['current']),
    queue: JSON.parse(row.queue) as PlayerState['queue'],
    history: JSON.parse(row.history) as PlayerState['history'],
    volume: row.volume,
    loop: row.loop_mode as PlayerState['loop'],
    fairShare: row.fair_share === 1,
    voiceFault: row.voice_fault === null ? null : (JSON.parse(row.voice_fault) as PlayerState['voiceFault']),
  };
}

/**
 * Folding with the domain's `evolvePlayer` keeps loop requeues, recall and fair share identical to what
 * the decider sees. Idempotent by stream revision: an event at or below the row's revision is skipped.
 */
function prepare(db: DatabaseSync, tables: TableNames<PlayerTable>): EventApplier {
  const t = ident(tables.players);
  const select = db.prepare(`SELECT * FROM ${t} WHERE guild_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO ${t} (guild_id, voice_channel_id, current, queue, history, volume, loop_mode, fair_share,
       voice_fault, revision, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
     ON CONFLICT (guild_id) DO UPDATE SET voice_channel_id = excluded.voice_channel_id,
       current = excluded.current, queue = excluded.queue, history = excluded.history,
       volume = excluded.volume, loop_mode = excluded.loop_mode, fair_share = excluded.fair_share,
       voice_fault = excluded.voice_fault, revision = excluded.revision, updated_at = excluded.updated_at
     WHERE excluded.revision > ${t}.revision`,
  );

  return (event: RecordedEvent) => {
    const guildId = event.streamId.slice('player-'.length);
    const row = select.get(guildId) as PlayerRow | undefined;
    if (row && row.revision >= event.revision) return;
    const before = row ? rowToState(row) : initialPlayerState();
    const s = evolvePlayer(before, event as unknown as PlayerEvent);
    upsert.run(
      guildId,
      s.voiceChannelId,
      s.current === null ? null : JSON.stringify(s.current),
      JSON.stringify(s.queue),
      JSON.stringify(s.history),
      s.volume,
      s.loop,
      s.fairShare ? 1 : 0,
      s.voiceFault === null ? null : JSON.stringify(s.voiceFault),
      event.revision,
      event.metadata.occurredAt,
    );
  };
}

/** The `player` read model: one row per guild with its voice channel, current track, queue and modes. */
export const playerProjection: SqliteProjection<PlayerTable> = {
  name: 'player',
  // 2: the voice fault column (voice connection events).
  version: 2,
  filter: { streamPrefixes: ['player-'], eventTypes: [...PLAYER_EVENT_TYPES] },
  tables: ['players'],
  migrate,
  prepare,
};
