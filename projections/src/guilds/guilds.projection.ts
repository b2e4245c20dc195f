import type { DatabaseSync } from 'node:sqlite';
import {
  DEFAULT_GUILD_SETTINGS,
  type BotRemovedFromGuild,
  type OnlineCountSampled,
  GUILD_EVENT_TYPES,
  type GuildRegistered,
  type GuildUpdated,
  type MembershipData,
  type SettingsChanged,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, PageApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';
import { DEFAULT_AUTO_MOD, flag, json } from './guild-row';
import { prepareGuildPage } from './guild-page';

type GuildTable = 'guilds';

function migrate(db: DatabaseSync, tables: TableNames<GuildTable>): void {
  const t = tables.guilds;
  // WITHOUT ROWID: every lookup is by guild id, so the primary key is the table.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t)} (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    member_count INTEGER NOT NULL,
    bot_count INTEGER NOT NULL,
    online_count INTEGER NOT NULL,
    premium INTEGER NOT NULL,
    features TEXT NOT NULL,
    prefix TEXT NOT NULL,
    welcome_channel_id TEXT,
    mod_log_channel_id TEXT,
    auto_mod TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    removed_at TEXT,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
  db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${t}_by_owner`)} ON ${ident(t)} (owner_id)`);
}

/**
 * Every statement carries `revision < ?` (or `>` on conflict): an event at or below the row's stream
 * revision was already applied, so replaying it changes nothing. Absent fields are passed as NULL and
 * kept with `coalesce`; nullable channels need an explicit "present" flag instead. A guild with several
 * events in one page is folded in memory and written once instead (guild-page.ts, guild-row.ts).
 */
function prepare(db: DatabaseSync, tables: TableNames<GuildTable>): PageApplier {
  const t = ident(tables.guilds);
  const register = db.prepare(
    `INSERT INTO ${t} (id, name, owner_id, member_count, bot_count, online_count, premium, features,
       prefix, welcome_channel_id, mod_log_channel_id, auto_mod, revision, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, NULL, ?10, ?11, ?12)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner_id = excluded.owner_id,
       member_count = excluded.member_count, bot_count = excluded.bot_count,
       online_count = excluded.online_count, premium = excluded.premium, features = excluded.features,
       removed_at = NULL, revision = excluded.revision, updated_at = excluded.updated_at
     WHERE excluded.revision > ${t}.revision`,
  );
  // Naming owner_id in SET makes SQLite rewrite its index entry on every update, changed or not: only
  // an update that transfers the guild names it (a tenth of the catch-up's CPU, measured).
  const updateProfile = (setOwner: string) =>
    db.prepare(
      `UPDATE ${t} SET name = coalesce(?2, name), ${setOwner}
         member_count = coalesce(?4, member_count), bot_count = coalesce(?5, bot_count),
         online_count = coalesce(?6, online_count), premium = coalesce(?7, premium),
         features = coalesce(?8, features), revision = ?9, updated_at = ?10
       WHERE id = ?1 AND revision < ?9`,
    );
  const update = updateProfile('');
  const updateWithOwner = updateProfile('owner_id = ?3,');
  const settings = db.prepare(
    `UPDATE ${t} SET prefix = coalesce(?2, prefix),
       welcome_channel_id = CASE WHEN ?3 THEN ?4 ELSE welcome_channel_id END,
       mod_log_channel_id = CASE WHEN ?5 THEN ?6 ELSE mod_log_channel_id END,
       auto_mod = CASE WHEN ?7 IS NULL THEN auto_mod ELSE json_patch(auto_mod, ?7) END,
       time_zone = coalesce(?10, time_zone), revision = ?8, updated_at = ?9
     WHERE id = ?1 AND revision < ?8`,
  );
  // The same arithmetic as the decider's applyMembership: counts never below zero, bots and online within members.
  const membership = db.prepare(
    `UPDATE ${t} SET member_count = max(0, member_count + ?2),
       bot_count = min(max(0, bot_count + ?3), max(0, member_count + ?2)),
       online_count = min(online_count, max(0, member_count + ?2)), revision = ?4, updated_at = ?5
     WHERE id = ?1 AND revision < ?4`,
  );

  const online = db.prepare(
    `UPDATE ${t} SET online_count = ?2, revision = ?3, updated_at = ?4 WHERE id = ?1 AND revision < ?3`,
  );
  const removed = db.prepare(
    `UPDATE ${t} SET removed_at = ?2, revision = ?3, updated_at = ?4 WHERE id = ?1 AND revision < ?3`,
  );
  // Events that change nothing shown here still move the row's revision, so the ETag follows the stream.
  const touch = db.prepare(`UPDATE ${t} SET revision = ?2, updated_at = ?3 WHERE id = ?1 AND revision < ?2`);

  const applyOne: EventApplier = (event: RecordedEvent) => {
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'GuildRegistered': {
        const d = (event as RecordedEvent<'GuildRegistered', GuildRegistered['data']>).data;
        register.run(
          d.guildId,
          d.name,
          d.ownerId,
          d.memberCount,
          d.botCount,
          d.onlineCount,
          d.premium ? 1 : 0,
          JSON.stringify(d.features),
          DEFAULT_GUILD_SETTINGS.prefix,
          DEFAULT_AUTO_MOD,
          event.revision,
          at,
        );
        return;
      }
      case 'GuildUpdated': {
        const { guildId, changes: c } = (event as RecordedEvent<'GuildUpdated', GuildUpdated['data']>).data;
        (c.ownerId === undefined ? update : updateWithOwner).run(
          guildId,
          c.name ?? null,
          c.ownerId ?? null,
          c.memberCount ?? null,
          c.botCount ?? null,
          c.onlineCount ?? null,
          flag(c.premium),
          json(c.features),
          event.revision,
          at,
        );
        return;
      }
      case 'SettingsChanged': {
        const { guildId, changes: c } = (event as RecordedEvent<'SettingsChanged', SettingsChanged['data']>)
          .data;
        settings.run(
          guildId,
          c.prefix ?? null,
          c.welcomeChannelId === undefined ? 0 : 1,
          c.welcomeChannelId ?? null,
          c.modLogChannelId === undefined ? 0 : 1,
          c.modLogChannelId ?? null,
          json(c.autoMod),
          event.revision,
          at,
          c.timeZone ?? null,
        );
        return;
      }
      case 'MemberJoined':
      case 'MemberLeft': {
        const d = event.data as MembershipData;
        const step = event.type === 'MemberJoined' ? 1 : -1;
        membership.run(d.guildId, step, d.bot ? step : 0, event.revision, at);
        return;
      }
      case 'OnlineCountSampled': {
        const d = (event as RecordedEvent<'OnlineCountSampled', OnlineCountSampled['data']>).data;
        online.run(d.guildId, d.onlineCount, event.revision, at);
        return;
      }
      case 'BotRemovedFromGuild': {
        const d = (event as RecordedEvent<'BotRemovedFromGuild', BotRemovedFromGuild['data']>).data;
        removed.run(d.guildId, d.at, event.revision, at);
        return;
      }
      case 'GuildRolesChanged':
      case 'GuildDiscordFeaturesChanged':
        touch.run((event.data as { guildId: string }).guildId, event.revision, at);
        return;
      default:
        return;
    }
  };
  return { applyPage: prepareGuildPage(db, t, applyOne) };
}

/** The `guilds` read model: one row per guild with its profile and settings, as of its latest event. */
export const guildsProjection: SqliteProjection<GuildTable, PageApplier> = {
  name: 'guilds',
  // 2: time zone setting, member joins and leaves. 3: the gateway's online samples and bot removal.
  version: 3,
  filter: { streamPrefixes: ['guild-'], eventTypes: [...GUILD_EVENT_TYPES] },
  tables: ['guilds'],
  migrate,
  prepare,
};
