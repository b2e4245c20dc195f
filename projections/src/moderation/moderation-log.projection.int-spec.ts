import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { moderationStreamId, type ModerationEvent } from '#domain';
import type { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { ProjectionHost } from '../runtime/projection-host';
import { openTestStore, tempDir } from '../testing/fixtures';
import { moderationLogProjection } from './moderation-log.projection';
import { ModerationLogReadModel } from './moderation-log.read-model';

const GUILD = '100000000000000001';
const OTHER = '100000000000000002';

const filtered = (guildId: string, messageId: string): ModerationEvent => ({
  type: 'MessageFiltered',
  data: { guildId, channelId: '200000000000000002', messageId, userId: '300000000000000003', term: 'bad' },
});
const timedOut: ModerationEvent = {
  type: 'MemberTimedOut',
  data: {
    guildId: GUILD,
    userId: '300000000000000003',
    channelId: '200000000000000002',
    reason: 'spam',
    until: '2026-01-01T00:10:00.000Z',
    durationSeconds: 600,
    messages: 5,
    windowSeconds: 5,
  },
};

describe('moderation-log projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;
  const log = () => new ModerationLogReadModel(host.db);

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [moderationLogProjection], dataDir: tmp.dir });
    await host.start();
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const append = async (guildId: string, ...events: ModerationEvent[]) => {
    const result = await store.appendToStream(
      moderationStreamId(guildId),
      events.map((e) => testEvent(e.type, e.data)),
    );
    assert.equal(await host.waitForPosition('moderation-log', result.position, 2_000), true);
  };

  it('given a read model that never ran, then a guild’s log is empty', () => {
    assert.deepEqual(new ModerationLogReadModel(host.db).list('1', -1, 10), {
      entries: [],
      nextCursor: null,
    });
  });

  it('given actions in two guilds, then each guild’s log lists its own, oldest first, with what was recorded', async () => {
    await append(GUILD, filtered(GUILD, '400000000000000001'), timedOut);
    await append(OTHER, filtered(OTHER, '400000000000000009'));
    const { entries, nextCursor } = log().list(GUILD, -1, 10);
    assert.equal(nextCursor, null);
    assert.deepEqual(
      entries.map((e) => [e.type, e.messageId, e.term, e.timeout?.durationSeconds ?? null]),
      [
        ['MessageFiltered', '400000000000000001', 'bad', null],
        ['MemberTimedOut', null, null, 600],
      ],
    );
    assert.equal(entries[1].timeout?.until, '2026-01-01T00:10:00.000Z');
    assert.equal(log().list(OTHER, -1, 10).entries.length, 1);
  });

  it('given more entries than a page, then pages join up by position without gaps or repeats', async () => {
    await append(GUILD, filtered(GUILD, '400000000000000002'), filtered(GUILD, '400000000000000003'));
    const seen: string[] = [];
    let cursor: number | null = -1;
    let pages = 0;
    while (cursor !== null) {
      const page = log().list(GUILD, cursor, 2);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    }
    assert.equal(pages, 2);
    assert.deepEqual(
      seen,
      log()
        .list(GUILD, -1, 100)
        .entries.map((e) => e.id),
    );
    assert.equal(new Set(seen).size, 4);
  });

  it('given a rebuild, then the log is the same', async () => {
    const before = log().list(GUILD, -1, 100);
    await host.rebuild('moderation-log');
    assert.deepEqual(log().list(GUILD, -1, 100), before);
  });
});
