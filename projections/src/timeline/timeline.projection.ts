import type { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';
import { attributeToGuild, boundGuildOfIssue, keyIdOfStream } from './timeline-attribution';

type TimelineTable = 'timeline' | 'timeline_keys';

function migrate(db: DatabaseSync, tables: TableNames<TimelineTable>): void {
  const t = tables.timeline;
  // Positions and what the filters need, never the event's data: pages read the events from the
  // store, so whatever the store does on read (upcasting, erasure) shows in the timeline too.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t)} (
    position INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    usage INTEGER NOT NULL
  )`);
  // Without usage (the default page) one range of (guild, 0); with it, the guild's whole range.
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${ident(`${t}_by_guild_kind`)} ON ${ident(t)} (guild_id, usage, position)`,
  );
  db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${t}_by_guild`)} ON ${ident(t)} (guild_id, position)`);
  // A key's later events carry only its id: the guild its issue event named is remembered here.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.timeline_keys)} (
    key_id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL
  )`);
}

/** Idempotent by global position (the row) and by key id (the binding, which never changes). */
function prepare(db: DatabaseSync, tables: TableNames<TimelineTable>): EventApplier {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${ident(tables.timeline)} (position, guild_id, stream_id, type, at_ms, usage)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const bind = db.prepare(
    `INSERT OR IGNORE INTO ${ident(tables.timeline_keys)} (key_id, guild_id) VALUES (?, ?)`,
  );
  const boundGuild = db.prepare(`SELECT guild_id FROM ${ident(tables.timeline_keys)} WHERE key_id = ?`);
  const boundGuildOfKey = (keyId: string) =>
    (boundGuild.get(keyId) as { guild_id: string } | undefined)?.guild_id;
  return (event: RecordedEvent) => {
    const bound = boundGuildOfIssue(event);
    const keyId = keyIdOfStream(event.streamId);
    if (bound && keyId !== undefined) bind.run(keyId, bound);
    const entry = attributeToGuild(event, boundGuildOfKey);
    if (!entry) return;
    const at = Date.parse(event.metadata.occurredAt);
    insert.run(event.position, entry.guildId, event.streamId, event.type, at, entry.usage ? 1 : 0);
  };
}

/**
 * `timeline`: every event that belongs to a guild, by global position, so a guild's whole history
 * (settings, membership, player, moderation, its bound keys, usage, webhooks) pages as one index range
 * instead of a scan of `$all`. Unfiltered on purpose: any stream whose events name a guild belongs.
 */
export const timelineProjection: SqliteProjection<TimelineTable> = {
  name: 'timeline',
  version: 1,
  filter: {},
  tables: ['timeline', 'timeline_keys'],
  migrate,
  prepare,
};
