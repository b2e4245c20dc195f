import type { ClickHouseClient } from '@clickhouse/client';

/** One schema step; applied once, in order, recorded in `analytics_migrations`. */
export interface AnalyticsMigration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * Retried inserts carry the same `insert_deduplication_token`; a non-replicated MergeTree only keeps
 * those tokens when it has a deduplication window. Every table a batch reaches has one, the rollups
 * included, so a retried batch fills in whatever part of it the crash lost and doubles nothing.
 */
const DEDUP = 'SETTINGS non_replicated_deduplication_window = 10000';

export const ANALYTICS_MIGRATIONS: readonly AnalyticsMigration[] = [
  {
    version: 1,
    name: 'usage events, rollups, tracks and the projector checkpoint',
    statements: [
      // One row per usage fact. kind: command | active | report | void | join | leave | play.
      `CREATE TABLE IF NOT EXISTS usage_events (
        guild_id UInt64,
        ts DateTime64(3, 'UTC'),
        kind LowCardinality(String),
        category LowCardinality(String),
        name String,
        user_id UInt64,
        value UInt32,
        door LowCardinality(String),
        event_id UUID,
        position UInt64
      ) ENGINE = MergeTree PARTITION BY toYYYYMM(ts) ORDER BY (guild_id, kind, ts) ${DEDUP}`,
      // Counts per guild, quarter hour (UTC), kind and category: every zone's midnight is a quarter hour,
      // so "today" in any guild's zone is a whole number of buckets.
      `CREATE TABLE IF NOT EXISTS usage_counts (
        guild_id UInt64,
        bucket DateTime('UTC'),
        kind LowCardinality(String),
        category LowCardinality(String),
        n SimpleAggregateFunction(sum, UInt64),
        peak SimpleAggregateFunction(max, UInt32)
      ) ENGINE = AggregatingMergeTree ORDER BY (guild_id, kind, bucket, category) ${DEDUP}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS usage_counts_mv TO usage_counts AS
        SELECT guild_id, toStartOfFifteenMinutes(ts) AS bucket, kind, category,
               count() AS n, max(value) AS peak
        FROM usage_events GROUP BY guild_id, bucket, kind, category`,
      // Each user's latest activity: every "active in the last N days" window ends now, so a user is in
      // it exactly when their latest activity is inside it. One row per (guild, user), not per event.
      `CREATE TABLE IF NOT EXISTS user_last_seen (
        guild_id UInt64,
        user_id UInt64,
        last SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
      ) ENGINE = AggregatingMergeTree ORDER BY (guild_id, user_id) ${DEDUP}`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS user_last_seen_mv TO user_last_seen AS
        SELECT guild_id, user_id, max(ts) AS last FROM usage_events
        WHERE kind IN ('command', 'active') AND user_id != 0 GROUP BY guild_id, user_id`,
      // What was queued, so a play (which names only the queue's track id) can be shown and grouped.
      `CREATE TABLE IF NOT EXISTS tracks (
        guild_id UInt64,
        track_id String,
        identifier String,
        title String,
        author String,
        requested_by UInt64
      ) ENGINE = ReplacingMergeTree ORDER BY (guild_id, track_id) ${DEDUP}`,
      // Rows only ever added; the newest seq wins (read with argMax, never FINAL).
      `CREATE TABLE IF NOT EXISTS analytics_checkpoints (
        name String,
        seq UInt64,
        generation UInt32,
        confirmed Int64,
        pending Int64,
        updated_at DateTime64(3, 'UTC')
      ) ENGINE = ReplacingMergeTree(seq) ORDER BY name`,
    ],
  },
];

/** Tables a rebuild drops; the views go first so nothing writes into a half-dropped schema. */
export const ANALYTICS_OBJECTS = [
  'usage_counts_mv',
  'user_last_seen_mv',
  'usage_events',
  'usage_counts',
  'user_last_seen',
  'tracks',
  'analytics_checkpoints',
  'analytics_migrations',
] as const;

/** Applies the migrations not yet recorded; safe to run on every start and from two processes. */
export async function migrateAnalytics(client: ClickHouseClient): Promise<void> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS analytics_migrations (version UInt32, name String,
      applied_at DateTime64(3, 'UTC')) ENGINE = ReplacingMergeTree ORDER BY version`,
  });
  const rows = await (
    await client.query({ query: 'SELECT DISTINCT version FROM analytics_migrations', format: 'JSONEachRow' })
  ).json<{ version: number }>();
  const applied = new Set(rows.map((r) => r.version));
  for (const migration of ANALYTICS_MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // Every statement is IF NOT EXISTS, so a crash half-way is finished by the next start.
    for (const query of migration.statements) await client.command({ query });
    await client.insert({
      table: 'analytics_migrations',
      values: [{ version: migration.version, name: migration.name, applied_at: new Date().toISOString() }],
      format: 'JSONEachRow',
    });
  }
}

/** Drops every analytics object: the start of a rebuild from position 0. */
export async function dropAnalytics(client: ClickHouseClient): Promise<void> {
  for (const name of ANALYTICS_OBJECTS) await client.command({ query: `DROP TABLE IF EXISTS ${name}` });
}
