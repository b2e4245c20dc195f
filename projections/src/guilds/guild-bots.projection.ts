import type { DatabaseSync } from 'node:sqlite';
import type { MembershipData } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type GuildBotsTable = 'guild_bots';

function migrate(db: DatabaseSync, tables: TableNames<GuildBotsTable>): void {
  const t = tables.guild_bots;
  // One row per (guild, bot) ever seen; `installed` follows its latest join or leave.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t)} (
    guild_id TEXT NOT NULL,
    bot_id TEXT NOT NULL,
    installed INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, bot_id)
  ) WITHOUT ROWID`);
}

/** Idempotent by the guild stream's revision: an older join or leave never overrides a newer one. */
function prepare(db: DatabaseSync, tables: TableNames<GuildBotsTable>): EventApplier {
  const t = ident(tables.guild_bots);
  const upsert = db.prepare(
    `INSERT INTO ${t} (guild_id, bot_id, installed, revision, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guild_id, bot_id) DO UPDATE SET installed = excluded.installed,
       revision = excluded.revision, updated_at = excluded.updated_at
     WHERE excluded.revision > ${t}.revision`,
  );
  return (event: RecordedEvent) => {
    if (event.type !== 'MemberJoined' && event.type !== 'MemberLeft') return;
    const d = event.data as MembershipData;
    if (!d.bot) return;
    upsert.run(d.guildId, d.userId, event.type === 'MemberJoined' ? 1 : 0, event.revision, d.at);
  };
}

/**
 * Which bots are installed in which guild. Nothing records an installation as such: a bot is
 * installed in a guild when its user joined it as a member (`MemberJoined` with `bot: true`) and has
 * not left since. A Discord bot's user id is its application id, which is the `bot:{id}` of its key.
 */
export const guildBotsProjection: SqliteProjection<GuildBotsTable> = {
  name: 'guild-bots',
  version: 1,
  filter: { streamPrefixes: ['guild-'], eventTypes: ['MemberJoined', 'MemberLeft'] },
  tables: ['guild_bots'],
  migrate,
  prepare,
};
