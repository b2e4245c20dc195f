import type { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent } from '#eventstore';
import type { EventApplier } from '../runtime/sqlite-projection';
import { evolveGuildRow, type GuildDraft, type GuildRow } from './guild-row';

const COLUMNS = `id, name, owner_id AS ownerId, member_count AS memberCount, bot_count AS botCount,
  online_count AS onlineCount, premium, features, prefix, welcome_channel_id AS welcomeChannelId,
  mod_log_channel_id AS modLogChannelId, auto_mod AS autoMod, time_zone AS timeZone,
  removed_at AS removedAt, revision, updated_at AS updatedAt`;

/**
 * Applies a page of guild events writing each guild once: a guild with one event in the page takes
 * the per-event statement (one UPDATE, no read); a guild with several is read once, folded in memory
 * with `evolveGuildRow` and written once. Guilds are independent rows, so only each guild's own order
 * matters. Runs inside the runner's transaction, so nothing changes between the read and the write.
 */
export function prepareGuildPage(
  db: DatabaseSync,
  table: string,
  applyOne: EventApplier,
): (events: readonly RecordedEvent[]) => void {
  const select = db.prepare(`SELECT ${COLUMNS} FROM ${table} WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO ${table} (id, name, owner_id, member_count, bot_count, online_count, premium, features,
       prefix, welcome_channel_id, mod_log_channel_id, auto_mod, time_zone, removed_at, revision, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)`,
  );
  // Naming owner_id in SET rewrites its index entry, changed or not: only a transfer names it.
  const updateRow = (setOwner: string) =>
    db.prepare(
      `UPDATE ${table} SET name = ?2, ${setOwner} member_count = ?4, bot_count = ?5, online_count = ?6,
         premium = ?7, features = ?8, prefix = ?9, welcome_channel_id = ?10, mod_log_channel_id = ?11,
         auto_mod = ?12, time_zone = ?13, removed_at = ?14, revision = ?15, updated_at = ?16
       WHERE id = ?1`,
    );
  const update = updateRow('');
  const updateWithOwner = updateRow('owner_id = ?3,');

  const write = (before: GuildRow | undefined, r: GuildDraft): void => {
    const statement = before === undefined ? insert : before.ownerId === r.ownerId ? update : updateWithOwner;
    statement.run(
      r.id,
      r.name,
      r.ownerId,
      r.memberCount,
      r.botCount,
      r.onlineCount,
      r.premium,
      r.features,
      r.prefix,
      r.welcomeChannelId,
      r.modLogChannelId,
      JSON.stringify(r.autoMod),
      r.timeZone,
      r.removedAt,
      r.revision,
      r.updatedAt,
    );
  };

  return (events) => {
    const byGuild = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = (event.data as { guildId: string }).guildId;
      const list = byGuild.get(id);
      if (list) list.push(event);
      else byGuild.set(id, [event]);
    }
    for (const [id, list] of byGuild) {
      if (list.length === 1) {
        applyOne(list[0]);
        continue;
      }
      const before = select.get(id) as GuildRow | undefined;
      const draft = before && { ...before, autoMod: JSON.parse(before.autoMod) as unknown };
      let row = draft;
      for (const event of list) row = evolveGuildRow(row, event);
      if (row !== undefined && row !== draft) write(before, row);
    }
  };
}
