import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { upcoming, type PlayerState, type Track } from '#domain';
import { VersionedCache, type ReadModelVersion } from '../runtime/versioned-cache';
import { rowToState, type PlayerRow } from './player.projection';

/** A guild's player as the queries return it. */
export interface PlayerView extends PlayerState {
  readonly guildId: string;
  /** The queue in the order it will play (fair share applied); `queue` is the stored order. */
  readonly upcoming: readonly Track[];
  /** Revision of the player stream this view reflects. */
  readonly revision: number;
  readonly updatedAt: string;
}

export type PlayerStateName = 'playing' | 'paused' | 'voice_lost' | 'idle' | 'away';

const COUNT_BY_STATE = `SELECT CASE
    WHEN voice_fault IS NOT NULL THEN 'voice_lost'
    WHEN current IS NOT NULL AND json_extract(current, '$.paused') THEN 'paused'
    WHEN current IS NOT NULL THEN 'playing'
    WHEN voice_channel_id IS NOT NULL THEN 'idle'
    ELSE 'away'
  END AS state, count(*) AS n FROM players GROUP BY state`;

/** Queries over the `players` table of the read-model database. */
export class PlayerReadModel {
  private byId: StatementSync | undefined;
  private readonly cache: VersionedCache<string, PlayerView | null>;

  constructor(
    private readonly db: DatabaseSync,
    version: ReadModelVersion = () => undefined,
  ) {
    this.cache = new VersionedCache(version, 1_000);
  }

  /** The guild's player, or null when its stream has no event yet. */
  get(guildId: string): PlayerView | null {
    return this.cache.get(guildId, () => {
      const row = this.statement()?.get(guildId) as PlayerRow | undefined;
      if (!row) return null;
      const state = rowToState(row);
      return {
        ...state,
        guildId: row.guild_id,
        upcoming: upcoming(state),
        revision: row.revision,
        updatedAt: row.updated_at,
      };
    });
  }

  /**
   * How many guilds' players are in each state, for metrics: `playing`, `paused`, `voice_lost` (a
   * voice fault is recorded), `idle` (in a channel, nothing playing) and `away` (in no channel).
   * One scan of the table: it runs when metrics are scraped, not per request.
   */
  countByState(): Record<PlayerStateName, number> {
    const counts: Record<PlayerStateName, number> = {
      playing: 0,
      paused: 0,
      voice_lost: 0,
      idle: 0,
      away: 0,
    };
    if (!this.statement()) return counts;
    const rows = this.db.prepare(COUNT_BY_STATE).all() as { state: PlayerStateName; n: number }[];
    for (const { state, n } of rows) counts[state] = n;
    return counts;
  }

  // Prepared on first use: a process that never ran the projection has no table yet.
  private statement(): StatementSync | undefined {
    if (this.byId) return this.byId;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'players'")
      .get();
    if (exists) this.byId = this.db.prepare('SELECT * FROM players WHERE guild_id = ?');
    return this.byId;
  }
}
