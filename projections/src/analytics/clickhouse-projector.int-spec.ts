import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnalyticsClient, type AnalyticsClient } from '#analytics';
import { SqliteEventStore } from '#eventstore';
import { AnalyticsReadModel } from './analytics.read-model';
import { ClickHouseProjector } from './clickhouse-projector';
import { rowsInRange } from './analytics-writer';
import { datasetEvents, writeUsageDataset } from './testing/usage-dataset';
import {
  expectedCommandsPerDay,
  expectedPlays,
  expectedSummary,
  localDate,
} from './testing/expected-analytics';

const UTC_GUILD = '111111111111111111';
const KOLKATA_GUILD = '222222222222222222';

describe('ClickHouse projector on chDB, over a generated dataset', () => {
  let dir: string;
  let store: SqliteEventStore;
  let analytics: AnalyticsClient;
  let model: AnalyticsReadModel;
  const now = new Date();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guildhall-analytics-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    analytics = openAnalyticsClient({ dataDir: dir, timeoutMs: 30_000 });
    model = new AnalyticsReadModel(analytics);
    await writeUsageDataset(store, UTC_GUILD, now, 1);
    await writeUsageDataset(store, KOLKATA_GUILD, now, 2);
  });
  after(async () => {
    await analytics.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function project(options: Partial<ConstructorParameters<typeof ClickHouseProjector>[0]> = {}) {
    const projector = new ClickHouseProjector({
      store,
      analytics,
      batchSize: 97,
      flushIntervalMs: 20,
      ...options,
    });
    projector.start();
    assert.ok(await projector.waitForPosition(await store.headPosition(), 30_000), 'projector caught up');
    return projector;
  }

  /** Every table's content in a stable order: what "identical tables" means. */
  async function dump(): Promise<string> {
    const queries = [
      'SELECT * FROM usage_events ORDER BY position',
      'SELECT guild_id, bucket, kind, category, sum(n), max(peak) FROM usage_counts GROUP BY ALL ORDER BY ALL',
      'SELECT guild_id, user_id, max(last) FROM user_last_seen GROUP BY ALL ORDER BY ALL',
      'SELECT DISTINCT * FROM tracks ORDER BY ALL',
    ];
    const parts = await Promise.all(
      queries.map(async (query) => (await analytics.client.query({ query, format: 'JSONEachRow' })).text()),
    );
    return parts.join('\n');
  }

  const range = (guildId: string, timeZone: string) => ({
    guildId,
    timeZone,
    from: Math.floor(now.getTime() / 1000) - 45 * 86_400,
    to: Math.floor(now.getTime() / 1000) + 1,
  });

  it('given the dataset projected, then the summary equals a direct count over the events, in UTC and in Asia/Kolkata', async () => {
    const projector = await project();
    await projector.stop();
    for (const [guildId, timeZone] of [
      [UTC_GUILD, 'UTC'],
      [KOLKATA_GUILD, 'Asia/Kolkata'],
    ]) {
      const events = await datasetEvents(store, guildId);
      assert.deepEqual(await model.summary(guildId, timeZone, now), expectedSummary(events, timeZone, now));
    }
  });

  it('then commands per day, zero-filled, equal the count per local day', async () => {
    const events = await datasetEvents(store, KOLKATA_GUILD);
    const expected = expectedCommandsPerDay(events, 'Asia/Kolkata');
    const series = await model.timeseries(range(KOLKATA_GUILD, 'Asia/Kolkata'), 'commands', 'day');
    assert.equal(series.length, 46, 'one bucket per local day, empty days included');
    for (const point of series) {
      assert.equal(point.value, expected.get(localDate(point.start * 1000, 'Asia/Kolkata')) ?? 0);
    }
    assert.equal(
      series.reduce((sum, p) => sum + p.value, 0),
      events.filter((e) => e.type === 'CommandInvoked').length,
    );
  });

  it('then top tracks count plays from position 0 only, named through the queue', async () => {
    const expected = [...expectedPlays(await datasetEvents(store, UTC_GUILD))].sort((a, b) => b[1] - a[1]);
    const top = await model.topTracks(range(UTC_GUILD, 'UTC'), 10);
    assert.deepEqual(
      top.map((t) => [t.identifier, t.plays]),
      expected,
    );
  });

  it('given the tables, when replayed from zero twice, then both replays give identical tables', async () => {
    const original = await dump();
    const projector = new ClickHouseProjector({ store, analytics, batchSize: 500, flushIntervalMs: 20 });
    for (let i = 0; i < 2; i++) {
      await projector.rebuild();
      projector.start();
      assert.ok(await projector.waitForPosition(await store.headPosition(), 30_000));
      await projector.stop();
      assert.equal(await dump(), original, `replay ${i + 1}`);
    }
  });

  it('given an observer, when replayed, then every row is reported once, in batches that each waited', async () => {
    const batches: { rows: number; wait: number }[] = [];
    // A clock that advances 1 ms at every reading: a batch's wait is the readings between its
    // first row's arrival and its insert, never zero.
    let ms = 0;
    const projector = new ClickHouseProjector({
      store,
      analytics,
      batchSize: 500,
      flushIntervalMs: 20,
      now: () => ++ms,
      observer: { batchInserted: (rows, wait) => batches.push({ rows, wait }) },
    });
    await projector.rebuild();
    projector.start();
    const head = await store.headPosition();
    assert.ok(await projector.waitForPosition(head, 30_000));
    assert.equal(projector.queuedRows(), 0, 'nothing left queued once caught up');
    await projector.stop();
    const expected = await rowsInRange(store, -1, head);
    assert.ok(batches.length > 1, `several batches (${batches.length})`);
    assert.equal(
      batches.reduce((sum, b) => sum + b.rows, 0),
      expected.usage.length + expected.tracks.length,
    );
    for (const batch of batches) assert.ok(batch.rows > 0 && batch.wait >= 0.001, JSON.stringify(batch));
  });

  it('given a crash between an insert and its checkpoint, when a new projector starts, then nothing is counted twice', async () => {
    const before = await dump();
    const crashing = new ClickHouseProjector({
      store,
      analytics,
      batchSize: 97,
      flushIntervalMs: 20,
      retryDelayMs: 60_000,
      afterInsert: () => {
        throw new Error('crash between insert and checkpoint');
      },
    });
    await crashing.rebuild();
    crashing.start();
    await waitFor(() => crashing.status().lastError !== null);
    await crashing.stop();
    const restarted = await project({ batchSize: 500 });
    await restarted.stop();
    assert.equal(await dump(), before);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ClickHouse projector when the analytics store is down', () => {
  it('given the store failing at start, when it comes back, then the projector catches up and counts everything once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guildhall-analytics-down-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const analytics = openAnalyticsClient({ dataDir: dir, timeoutMs: 30_000 });
    let down = true;
    const client = new Proxy(analytics.client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return down ? () => Promise.reject(new Error('ECONNREFUSED')) : value.bind(target);
      },
    });
    try {
      const now = new Date();
      await writeUsageDataset(store, UTC_GUILD, now, 3, 200);
      const projector = new ClickHouseProjector({
        store,
        analytics: { ...analytics, client },
        retryDelayMs: 20,
      });
      projector.start();
      await waitFor(() => projector.status().lastError !== null);
      down = false;
      assert.ok(await projector.waitForPosition(await store.headPosition(), 30_000));
      await projector.stop();
      const model = new AnalyticsReadModel(analytics);
      const events = await datasetEvents(store, UTC_GUILD);
      assert.deepEqual(await model.summary(UTC_GUILD, 'UTC', now), expectedSummary(events, 'UTC', now));
    } finally {
      await analytics.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
