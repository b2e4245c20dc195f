import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnalyticsClient, type AnalyticsClient } from '#analytics';
import { SqliteEventStore, type NewEvent } from '#eventstore';
import { ClickHouseProjector } from './clickhouse-projector';

const GUILD = '333333333333333333';
const DAY_MS = 86_400_000;

function commandAt(at: Date): NewEvent {
  const iso = at.toISOString();
  return {
    id: randomUUID(),
    type: 'CommandInvoked',
    schemaVersion: 1,
    data: { name: 'play', category: 'music', userId: '100001', actor: 'user', door: 'discord', at: iso },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'system', id: 'retention-test' },
      door: 'discord',
      occurredAt: iso,
    },
  };
}

describe('Usage retention through the ClickHouse projector, on SQLite and chDB', () => {
  let dir: string;
  let store: SqliteEventStore;
  let analytics: AnalyticsClient;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guildhall-retention-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    analytics = openAnalyticsClient({ dataDir: dir, timeoutMs: 30_000 });
  });
  after(async () => {
    await analytics.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const countInClickHouse = async (): Promise<number> => {
    const result = await analytics.client.query({
      query: `SELECT count() AS n FROM usage_events WHERE guild_id = ${GUILD}`,
      format: 'JSONEachRow',
    });
    return Number(((await result.json()) as { n: number }[])[0].n);
  };

  it('given old and recent usage with a 30-day window, when ingested, then only the old leave the store and ClickHouse counts all', async () => {
    const now = Date.now();
    const old = [60, 45, 31].map((days) => commandAt(new Date(now - days * DAY_MS)));
    const recent = [10, 1].map((days) => commandAt(new Date(now - days * DAY_MS)));
    await store.appendToStream(`usage-${GUILD}`, [...old, ...recent]);
    const guild = { ...commandAt(new Date(now - 90 * DAY_MS)), type: 'MemberJoined' };
    await store.appendToStream(`guild-${GUILD}`, [guild]);

    const projector = new ClickHouseProjector({
      store,
      analytics,
      flushIntervalMs: 20,
      usageRetentionDays: 30,
    });
    projector.start();
    assert.ok(await projector.waitForPosition(await store.headPosition(), 30_000), 'caught up');
    await projector.stop();

    const kept = await store.readStream(`usage-${GUILD}`);
    assert.deepEqual(
      kept.map((event) => event.id),
      recent.map((event) => event.id),
    );
    assert.equal(kept[0].revision, 3);
    assert.equal(await countInClickHouse(), 6);
    assert.equal((await store.readStream(`guild-${GUILD}`)).length, 1, 'guild streams are never truncated');
    const next = await store.appendToStream(`usage-${GUILD}`, [commandAt(new Date())], {
      expectedRevision: 4,
    });
    assert.equal(next.nextRevision, 5);
  });
});
