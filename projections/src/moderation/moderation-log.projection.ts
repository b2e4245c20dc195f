import type { DatabaseSync } from 'node:sqlite';
import type { MemberTimedOut, MessageFiltered } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type ModerationLogTable = 'moderation_log';

function migrate(db: DatabaseSync, tables: TableNames<ModerationLogTable>): void {
  const t = tables.moderation_log;
  // One row per action; the global position orders a guild's log and pages it.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t)} (
    position INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    type TEXT NOT NULL,
    user_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    message_id TEXT,
    term TEXT,
    reason TEXT,
    until TEXT,
    duration_seconds INTEGER,
    messages INTEGER,
    window_seconds INTEGER,
    at TEXT NOT NULL
  )`);
  db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${t}_by_guild`)} ON ${ident(t)} (guild_id, position)`);
}

/** Idempotent by global position: an event applied twice is ignored the second time. */
function prepare(db: DatabaseSync, tables: TableNames<ModerationLogTable>): EventApplier {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${ident(tables.moderation_log)} (position, event_id, guild_id, type, user_id,
       channel_id, message_id, term, reason, until, duration_seconds, messages, window_seconds, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (event: RecordedEvent) => {
    const at = event.metadata.occurredAt;
    if (event.type === 'MessageFiltered') {
      const d = event.data as MessageFiltered['data'];
      insert.run(
        event.position,
        event.id,
        d.guildId,
        event.type,
        d.userId,
        d.channelId,
        d.messageId,
        d.term,
        null,
        null,
        null,
        null,
        null,
        at,
      );
    } else if (event.type === 'MemberTimedOut') {
      const d = event.data as MemberTimedOut['data'];
      insert.run(
        event.position,
        event.id,
        d.guildId,
        event.type,
        d.userId,
        d.channelId,
        null,
        null,
        d.reason,
        d.until,
        d.durationSeconds,
        d.messages,
        d.windowSeconds,
        at,
      );
    }
  };
}

/** The `moderation_log` read model: every auto-moderation action, per guild (Hexify's moderation logs). */
export const moderationLogProjection: SqliteProjection<ModerationLogTable> = {
  name: 'moderation-log',
  version: 1,
  filter: { streamPrefixes: ['moderation-'], eventTypes: ['MessageFiltered', 'MemberTimedOut'] },
  tables: ['moderation_log'],
  migrate,
  prepare,
};
