import type { DatabaseSync } from 'node:sqlite';
import { BOT_EVENT_TYPES, ERASED_PERSONAL_DATA, type BotEvent, type PersonalDataErased } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type BotTable = 'bots' | 'bot_reviews';
type Data<T extends BotEvent['type']> = Extract<BotEvent, { type: T }>['data'];

function migrate(db: DatabaseSync, tables: TableNames<BotTable>): void {
  // Samples are folded into running sums, not kept one per row: the profile needs only the averages.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.bots)} (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    prefix TEXT,
    tags TEXT NOT NULL,
    short_description TEXT NOT NULL,
    invite_url TEXT,
    approved_at TEXT,
    guild_count INTEGER,
    guild_count_at TEXT,
    commands TEXT,
    command_count INTEGER NOT NULL DEFAULT 0,
    commands_at TEXT,
    samples INTEGER NOT NULL DEFAULT 0,
    online_samples INTEGER NOT NULL DEFAULT 0,
    commands_ok_samples INTEGER NOT NULL DEFAULT 0,
    latency_sum REAL NOT NULL DEFAULT 0,
    latency_samples INTEGER NOT NULL DEFAULT 0,
    last_sampled_at TEXT,
    registered_at TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${ident(`${tables.bots}_by_owner`)} ON ${ident(tables.bots)} (owner_id)`,
  );
  // One review per (bot, user): the review check is one primary-key lookup.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.bot_reviews)} (
    bot_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    rating INTEGER NOT NULL,
    text TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (bot_id, user_id)
  ) WITHOUT ROWID`);
}

/**
 * Idempotent by stream revision: every statement on `bots` carries `revision < ?`, so an event the row
 * has seen changes nothing (which also keeps the sample counters exact on replay). Reviews live in the
 * same stream and carry their own revision.
 */
function prepare(db: DatabaseSync, tables: TableNames<BotTable>): EventApplier {
  const t = ident(tables.bots);
  const r = ident(tables.bot_reviews);
  const guarded = (set: string) =>
    db.prepare(`UPDATE ${t} SET ${set}, revision = ?2, updated_at = ?3 WHERE id = ?1 AND revision < ?2`);
  const register = db.prepare(
    `INSERT INTO ${t} (id, name, owner_id, prefix, tags, short_description, invite_url, registered_at,
       revision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8) ON CONFLICT (id) DO NOTHING`,
  );
  const details = guarded(
    `name = coalesce(?4, name), owner_id = coalesce(?5, owner_id), prefix = CASE WHEN ?6 THEN ?7 ELSE prefix END`,
  );
  const meta = guarded(
    `tags = coalesce(?4, tags), short_description = coalesce(?5, short_description),
     invite_url = CASE WHEN ?6 THEN ?7 ELSE invite_url END`,
  );
  const approve = guarded(`approved_at = ?3`);
  const guildCount = guarded(`guild_count = ?4, guild_count_at = ?3`);
  const commands = guarded(`commands = ?4, command_count = ?5, commands_at = ?3`);
  const sample = guarded(
    `samples = samples + 1, online_samples = online_samples + ?4, commands_ok_samples = commands_ok_samples + ?5,
     latency_sum = latency_sum + coalesce(?6, 0), latency_samples = latency_samples + (?6 IS NOT NULL),
     last_sampled_at = ?7`,
  );
  const touch = guarded(`id = id`);
  const review = db.prepare(
    `INSERT INTO ${r} (bot_id, user_id, rating, text, created_at, updated_at, revision)
     VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)
     ON CONFLICT (bot_id, user_id) DO UPDATE SET rating = excluded.rating, text = excluded.text,
       updated_at = excluded.updated_at, revision = excluded.revision
     WHERE excluded.revision > ${r}.revision`,
  );

  const eraseReviews = db.prepare(`UPDATE ${r} SET text = ?2 WHERE user_id = ?1 AND text IS NOT NULL`);

  return (recorded: RecordedEvent) => {
    if (recorded.type === 'PersonalDataErased') {
      // Reviews are in bot streams, the erasure in the user's: the rows already written are rewritten
      // here. The runner applies each position once (checkpoint in the same transaction), so a review
      // written after the erasure, with a new key, is never erased by it.
      eraseReviews.run((recorded.data as PersonalDataErased['data']).userId, ERASED_PERSONAL_DATA);
      return;
    }
    const event = recorded as unknown as BotEvent;
    const at = recorded.metadata.occurredAt;
    const rev = recorded.revision;
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    switch (event.type) {
      case 'BotRegistered': {
        const d: Data<'BotRegistered'> = event.data;
        register.run(
          d.botId,
          d.name,
          d.ownerId,
          d.prefix,
          json(d.tags),
          d.shortDescription,
          d.inviteUrl,
          at,
          rev,
        );
        return;
      }
      case 'BotDetailsChanged': {
        const { botId, changes: c } = event.data;
        const hasPrefix = c.prefix !== undefined ? 1 : 0;
        details.run(botId, rev, at, c.name ?? null, c.ownerId ?? null, hasPrefix, c.prefix ?? null);
        return;
      }
      case 'BotMetaUpdated': {
        const { botId, changes: c } = event.data;
        const hasUrl = c.inviteUrl !== undefined ? 1 : 0;
        meta.run(botId, rev, at, json(c.tags), c.shortDescription ?? null, hasUrl, c.inviteUrl ?? null);
        return;
      }
      case 'BotApproved':
        approve.run(event.data.botId, rev, at);
        return;
      case 'BotGuildCountReported':
        guildCount.run(event.data.botId, rev, at, event.data.guildCount);
        return;
      case 'BotCommandsSet': {
        const { botId, sort, commands: list } = event.data;
        commands.run(botId, rev, at, JSON.stringify({ sort, commands: list }), list.length);
        return;
      }
      case 'BotCommandsUnset':
        commands.run(event.data.botId, rev, at, null, 0);
        return;
      case 'BotReviewRecorded': {
        const d: Data<'BotReviewRecorded'> = event.data;
        review.run(d.botId, d.userId, d.rating, d.text, at, rev);
        touch.run(d.botId, rev, at);
        return;
      }
      case 'BotStatusSampled': {
        const d: Data<'BotStatusSampled'> = event.data;
        sample.run(d.botId, rev, at, d.online ? 1 : 0, d.commandsOk ? 1 : 0, d.latencyMs, d.sampledAt);
        return;
      }
      default:
        return;
    }
  };
}

/** The `bots` read model: each bot's profile, approval, counts and health, and its reviews. */
export const botsProjection: SqliteProjection<BotTable> = {
  name: 'bots',
  version: 1,
  filter: { streamPrefixes: ['bot-', 'user-'], eventTypes: [...BOT_EVENT_TYPES, 'PersonalDataErased'] },
  tables: ['bots', 'bot_reviews'],
  migrate,
  prepare,
};
