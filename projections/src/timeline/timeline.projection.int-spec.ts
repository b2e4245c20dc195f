import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { ProjectionHost } from '../runtime/projection-host';
import { openTestStore, tempDir } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { TimelineReadModel, type TimelineQuery } from './timeline.read-model';

const GUILD = '100000000000000001';
const OTHER = '100000000000000002';
const KEY = 'k1a2b3c4d5e6f7a8';
const ACCOUNT_KEY = 'k9f8e7d6c5b4a3f2';

describe('timeline projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;
  const timeline = () => new TimelineReadModel(host.db);
  const all: TimelineQuery = { after: -1, includeUsage: false, limit: 500 };
  const positions: Record<string, number> = {};

  const append = async (label: string, streamId: string, type: string, data: object, at?: string) => {
    const event = testEvent(type, data, at ? { metadata: { occurredAt: at } } : {});
    const result = await store.appendToStream(streamId, [event]);
    positions[label] = result.position;
    assert.equal(await host.waitForPosition('timeline', result.position, 2_000), true);
  };

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [timelineProjection], dataDir: tmp.dir });
    assert.deepEqual(new TimelineReadModel(host.db).page(GUILD, all), { positions: [], nextCursor: null });
    await host.start();
    await append(
      'registered',
      `guild-${GUILD}`,
      'GuildRegistered',
      { guildId: GUILD },
      '2026-01-01T00:00:00Z',
    );
    await append('other', `guild-${OTHER}`, 'GuildRegistered', { guildId: OTHER });
    await append('keyIssued', `apikey-${KEY}`, 'ApiKeyIssued', { keyId: KEY, guildId: GUILD });
    await append('accountKey', `apikey-${ACCOUNT_KEY}`, 'ApiKeyIssued', {
      keyId: ACCOUNT_KEY,
      guildId: null,
    });
    await append('queued', `player-${GUILD}`, 'TracksQueued', { guildId: GUILD }, '2026-01-02T00:00:00Z');
    await append('usage', `usage-${GUILD}`, 'CommandUsed', { guildId: GUILD });
    await append('keyRevoked', `apikey-${KEY}`, 'ApiKeyRevoked', { keyId: KEY, reason: null });
    await append('accountRevoked', `apikey-${ACCOUNT_KEY}`, 'ApiKeyRevoked', { keyId: ACCOUNT_KEY });
    // A stream this projection was never told about: its events name the guild, so it belongs.
    await append('webhook', `webhooks-${GUILD}`, 'WebhookCreated', { guildId: GUILD, url: 'https://x' });
    await append('unrelated', 'developer-alice', 'DeveloperRegistered', { username: 'alice' });
    await append('moderation', `moderation-${GUILD}`, 'MessageFiltered', { guildId: GUILD });
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  it('given every kind of stream, then the guild’s timeline holds its own events in global order', () => {
    const labels = ['registered', 'keyIssued', 'queued', 'keyRevoked', 'webhook', 'moderation'];
    assert.deepEqual(timeline().page(GUILD, all), {
      positions: labels.map((label) => positions[label]),
      nextCursor: null,
    });
    assert.deepEqual(timeline().page(OTHER, all).positions, [positions.other]);
  });

  it('given usage facts, then they show only when asked for', () => {
    assert.ok(!timeline().page(GUILD, all).positions.includes(positions.usage));
    assert.ok(
      timeline()
        .page(GUILD, { ...all, includeUsage: true })
        .positions.includes(positions.usage),
    );
  });

  it('given filters and a page size, then pages join up and filters narrow them', () => {
    const first = timeline().page(GUILD, { ...all, limit: 2 });
    assert.deepEqual(first, {
      positions: [positions.registered, positions.keyIssued],
      nextCursor: positions.keyIssued,
    });
    const second = timeline().page(GUILD, { ...all, after: first.nextCursor!, limit: 2 });
    assert.deepEqual(second.positions, [positions.queued, positions.keyRevoked]);
    const byType = timeline().page(GUILD, { ...all, types: ['TracksQueued', 'ApiKeyRevoked'] });
    assert.deepEqual(byType.positions, [positions.queued, positions.keyRevoked]);
    const window = timeline().page(GUILD, {
      ...all,
      fromMs: Date.parse('2026-01-01T00:00:00Z'),
      toMs: Date.parse('2026-01-03T00:00:00Z'),
    });
    assert.deepEqual(window.positions, [positions.registered, positions.queued]);
  });

  it('given a key’s later event, then the reader attributes it like the projection did', async () => {
    const [revoked] = await store.readPositions([positions.keyRevoked]);
    assert.deepEqual(timeline().attribute(revoked), { guildId: GUILD, usage: false });
    const [accountRevoked] = await store.readPositions([positions.accountRevoked]);
    assert.equal(timeline().attribute(accountRevoked), undefined);
  });

  it('given a rebuild from position 0, then the index is the same', async () => {
    const dump = () => ({
      rows: host.db.prepare('SELECT * FROM timeline ORDER BY position').all(),
      keys: host.db.prepare('SELECT * FROM timeline_keys ORDER BY key_id').all(),
    });
    const before = dump();
    assert.equal(before.keys.length, 1, 'only the bound key is remembered');
    await host.rebuild('timeline');
    assert.deepEqual(dump(), before);
    await append('afterRebuild', `guild-${GUILD}`, 'SettingsChanged', { guildId: GUILD, changes: {} });
    assert.equal(timeline().page(GUILD, all).positions.at(-1), positions.afterRebuild);
  });
});
