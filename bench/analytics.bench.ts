import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { CommandBus } from '@nestjs/cqrs';
import { openAnalyticsClient, type AnalyticsClient } from '#analytics';
import { IssueApiKeyCommand, RegisterGuildCommand, systemContext } from '#core';
import { insertBatch, migrateAnalytics, type UsageRow } from '#projections';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import type { Report } from './report';
import { bestOfAlternating } from './support/alternate';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';
const EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 10_000_000);
const INGEST_EVENTS = 1_000_000;
const INGEST_BATCH = 100_000;
const INGEST_ROUNDS = Number(process.env.BENCH_ANALYTICS_ROUNDS ?? 2);
const REQUESTS = 400;
const CONCURRENCY = 4;
const CATEGORIES = ['music', 'moderation', 'fun', 'utility'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/** The rows the projector would hand over for usage events 0…INGEST_EVENTS − 1, in batches. */
function ingestBatches(now: number): UsageRow[][] {
  return Array.from({ length: INGEST_EVENTS / INGEST_BATCH }, (_, b) =>
    Array.from({ length: INGEST_BATCH }, (_, i) => {
      const n = b * INGEST_BATCH + i;
      return {
        guild_id: String(200_000_000_000_000_000n + BigInt(n % 1_000)),
        ts: ((now - (n % 2_592_000) * 1000) / 1000).toFixed(3),
        kind: n % 3 === 0 ? 'active' : 'command',
        category: CATEGORIES[n % 4],
        name: 'play',
        user_id: String(300_000_000_000_000_000n + BigInt(n % 50_000)),
        value: 1,
        door: 'discord',
        event_id: randomUUID(),
        position: n,
      };
    }),
  );
}

/** The same rows made by ClickHouse itself, batch by batch, with the projector's insert settings. */
async function insertSelect(analytics: AnalyticsClient, now: number, round: number): Promise<number> {
  const started = performance.now();
  for (let b = 0; b < INGEST_EVENTS / INGEST_BATCH; b++) {
    await analytics.client.command({
      query: `INSERT INTO usage_events
        SELECT 200000000000000000 + number % 1000,
          fromUnixTimestamp64Milli(toInt64({now:UInt64} - (number % 2592000) * 1000), 'UTC'),
          if(number % 3 = 0, 'active', 'command'), ['music', 'moderation', 'fun', 'utility'][number % 4 + 1],
          'play', 300000000000000000 + number % 50000, 1, 'discord', generateUUIDv4(number), number
        FROM numbers({from:UInt64}, {count:UInt64})`,
      query_params: { now, from: b * INGEST_BATCH, count: INGEST_BATCH },
      clickhouse_settings: {
        insert_deduplicate: 1,
        insert_deduplication_token: `bench-select:${round}:${b}`,
        deduplicate_blocks_in_dependent_materialized_views: 1,
      },
    });
  }
  return INGEST_EVENTS / ((performance.now() - started) / 1000);
}

async function truncateUsage(analytics: AnalyticsClient): Promise<void> {
  for (const table of ['usage_events', 'usage_counts', 'user_last_seen']) {
    await analytics.client.command({ query: `TRUNCATE TABLE ${table}` });
  }
}

/**
 * The projector's insert path (rows serialised in JS, dedup token, both rollups) beside its ceiling: a
 * server-side `INSERT … SELECT` of the same rows in the same batches, alternating, empty tables each time.
 */
async function ingest(analytics: AnalyticsClient, report: Report): Promise<void> {
  const now = Date.now();
  let round = 0;
  const best = await bestOfAlternating(INGEST_ROUNDS, {
    projector: async () => {
      // Rows as the projector hands them over; the timed part is what ingest costs: serialise and insert.
      const batches = ingestBatches(now);
      await truncateUsage(analytics);
      const started = performance.now();
      for (const [b, usage] of batches.entries()) {
        await insertBatch(analytics, { usage, tracks: [] }, `bench:${round}:${b}`);
      }
      return INGEST_EVENTS / ((performance.now() - started) / 1000);
    },
    insertSelect: async () => {
      await truncateUsage(analytics);
      return insertSelect(analytics, now, round++);
    },
  });
  report({
    name: `chDB ingest, ${INGEST_BATCH.toLocaleString('en-US')}-event batches, vs INSERT … SELECT`,
    value: best.projector,
    ceiling: best.insertSelect,
    unit: 'events/s',
  });
  await truncateUsage(analytics);
}

/** 10M usage events of one guild over 90 days, straight into ClickHouse (the rollups fill through their views). */
async function generate(analytics: AnalyticsClient, report: Report): Promise<void> {
  const started = performance.now();
  await analytics.client.command({
    query: `INSERT INTO usage_events
      SELECT {guild:UInt64}, now64(3) - toIntervalMillisecond(intHash64(number) % 7776000000),
        multiIf(number % 100 < 60, 'command', number % 100 < 97, 'active', number % 100 < 98, 'report',
                number % 100 < 99, 'join', 'leave') AS kind,
        if(kind = 'command', ['music', 'moderation', 'fun', 'utility'][number % 4 + 1], ''),
        if(kind = 'command', ['play', 'ban', 'meme', 'help'][number % 4 + 1], ''),
        if(kind IN ('command', 'active'), 300000000000000000 + intHash32(number) % 200000, 0),
        if(kind = 'report', intHash32(number) % 5000, 1), 'discord', generateUUIDv4(number), number
      FROM numbers({n:UInt64})`,
    query_params: { guild: GUILD, n: EVENTS },
    clickhouse_settings: { max_insert_threads: '2' },
  });
  // A bulk load outruns background merges; a live store keeps its small rollups merged, so merge them here.
  await analytics.client.command({ query: 'OPTIMIZE TABLE usage_counts FINAL' });
  await analytics.client.command({ query: 'OPTIMIZE TABLE user_last_seen FINAL' });
  const seconds = (performance.now() - started) / 1000;
  report({
    name: `generated by INSERT … SELECT FROM numbers() in ${seconds.toFixed(1)} s`,
    value: EVENTS,
    unit: 'events',
  });
}

/** Hexify's endpoint over HTTP on loopback, in this process, so the event loop it runs on is measured. */
async function endpoint(dataDir: string, report: Report): Promise<void> {
  const app = await createGuildhallApp({ dataDir, logLevel: 'silent' });
  await app.listen(0, '127.0.0.1');
  try {
    const bus = app.get(CommandBus);
    const context = systemContext('cli', 'bench');
    const profile = {
      name: 'Bench',
      ownerId: OWNER,
      memberCount: 1250,
      botCount: 0,
      onlineCount: 0,
      premium: true,
      features: [],
    };
    await bus.execute(new RegisterGuildCommand(GUILD, profile, context));
    const { key } = await bus.execute(new IssueApiKeyCommand(OWNER, { tier: 'enterprise' }, context));
    await new Promise((r) => setTimeout(r, 500)); // the read models apply the guild and the key
    const url = `${await app.getUrl()}/v2/servers/${GUILD}/analytics`.replace('[::1]', '127.0.0.1');
    const call = async () => {
      const started = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`analytics answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    };
    for (let i = 0; i < 10; i++) await call(); // warm-up: caches, JIT
    for (const concurrency of [1, CONCURRENCY]) {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < REQUESTS / 2) latencies.push(await call());
        }),
      );
      delay.disable();
      latencies.sort((a, b) => a - b);
      const p95 = percentile(latencies, 0.95);
      const label = `Hexify analytics over ${EVENTS.toLocaleString('en-US')} events, ${concurrency} at a time`;
      report({ name: `${label}: p50`, value: percentile(latencies, 0.5), unit: 'ms' });
      // The target is for one request at a time: one embedded chDB session runs one query at a time.
      const target = concurrency === 1 ? { atMost: 100 } : undefined;
      report({ name: `${label}: p95`, value: p95, unit: 'ms', target });
      report({
        name: `event loop delay p99 during that load`,
        value: delay.percentile(99) / 1e6,
        unit: 'ms',
      });
    }
  } finally {
    await app.close();
  }
}

/** Analytics: ingest into chDB, then Hexify's endpoint over 10M usage events. */
export async function run(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bench-analytics-'));
  // Opened before the app: the app's handle shares this one (one chDB data directory per process).
  const analytics = openAnalyticsClient({ dataDir, timeoutMs: 600_000 });
  try {
    await migrateAnalytics(analytics.client);
    await ingest(analytics, report);
    await generate(analytics, report);
    await endpoint(dataDir, report);
  } finally {
    await analytics.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
