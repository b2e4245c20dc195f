import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import { guildStreamId, type GuildEvent } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { openReadModelDb } from '../runtime/readmodel-db';
import { pageApplierOf } from '../runtime/sqlite-projection';
import { guildId, profileOf } from '../testing/fixtures';
import { guildsProjection } from './guilds.projection';

/** Every kind of guild event, edge cases included, for guild n's k-th event. */
function eventFor(n: number, k: number): GuildEvent {
  const id = guildId(n);
  const kinds: GuildEvent[] = [
    { type: 'GuildRegistered', data: { guildId: id, ...profileOf(n), name: `Guild ${n}/${k}` } },
    { type: 'GuildUpdated', data: { guildId: id, changes: { memberCount: k % 3, premium: k % 2 === 0 } } },
    {
      type: 'GuildUpdated',
      data: { guildId: id, changes: { ownerId: guildId(900 + k), features: [`f${k}`] } },
    },
    {
      type: 'SettingsChanged',
      data: { guildId: id, changes: { prefix: `!${k}`, welcomeChannelId: guildId(k) } },
    },
    {
      type: 'SettingsChanged',
      data: { guildId: id, changes: { welcomeChannelId: null, timeZone: 'Europe/Paris' } },
    },
    {
      type: 'SettingsChanged',
      data: { guildId: id, changes: { autoMod: { enabled: true, wordFilter: [`w${k}`] } } },
    },
    { type: 'SettingsChanged', data: { guildId: id, changes: { modLogChannelId: guildId(k), autoMod: {} } } },
    { type: 'MemberJoined', data: { guildId: id, userId: guildId(k), bot: k % 3 === 0, at: 'x' } },
    { type: 'MemberLeft', data: { guildId: id, userId: guildId(k), bot: k % 4 === 0, at: 'x' } },
    { type: 'OnlineCountSampled', data: { guildId: id, onlineCount: 7 * k, at: 'x' } },
    { type: 'BotRemovedFromGuild', data: { guildId: id, at: `2026-02-0${1 + (k % 9)}T00:00:00.000Z` } },
    { type: 'GuildRolesChanged', data: { guildId: id, roles: [] } },
  ];
  // Guild 0 is never registered first: its events must leave no row until a registration.
  return k === 0 && n !== 0 ? kinds[0] : kinds[(n * 5 + k * 7) % kinds.length];
}

/** Interleaved streams of four guilds, 30 events each, in `$all` order. */
function history(): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let k = 0; k < 30; k++) {
    for (let n = 0; n < 4; n++) {
      const event = eventFor(n, k);
      events.push({
        id: `${n}-${k}`,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          correlationId: 'c',
          causationId: null,
          actor: { kind: 'system', id: 'test' },
          door: 'system',
          occurredAt: `2026-01-01T00:00:${String(k).padStart(2, '0')}.000Z`,
        },
        streamId: guildStreamId(guildId(n)),
        revision: k,
        position: events.length,
        recordedAt: '2026-01-01T00:00:00.000Z',
      });
    }
  }
  return events;
}

const rows = (db: DatabaseSync) => db.prepare('SELECT * FROM guilds ORDER BY id').all();

/** Applies `events` in pages of `pageSize` to a fresh read model; the table after every page. */
function applyInPages(events: readonly RecordedEvent[], pageSize: number) {
  const db = openReadModelDb({ path: ':memory:' });
  guildsProjection.migrate(db, { guilds: 'guilds' });
  const apply = pageApplierOf(guildsProjection.prepare(db, { guilds: 'guilds' }));
  const after = new Map<number, unknown[]>();
  for (let i = 0; i < events.length; i += pageSize) {
    apply(events.slice(i, i + pageSize));
    after.set(Math.min(i + pageSize, events.length), rows(db));
  }
  return { db, after };
}

describe('guilds projection, page folding', () => {
  it('given every kind of event, when applied in pages, then the rows equal those of one event at a time', () => {
    // given
    const events = history();
    const oneByOne = applyInPages(events, 1).after;
    // when: pages fold each guild's events in memory; odd sizes split guilds' runs across pages
    for (const pageSize of [events.length, 40, 13, 7, 2]) {
      // then: the same table at the end of every page
      for (const [end, table] of applyInPages(events, pageSize).after) {
        assert.deepEqual(table, oneByOne.get(end), `pages of ${pageSize}, after event ${end}`);
      }
    }
    assert.equal(oneByOne.get(events.length)?.length, 4);
  });

  it('given events already applied, when they are applied again, then no row changes (idempotent)', () => {
    // given
    const events = history();
    const { db } = applyInPages(events, events.length);
    const before = rows(db);
    const apply = pageApplierOf(guildsProjection.prepare(db, { guilds: 'guilds' }));
    // when: the first half again, as one page (folded) and one at a time
    const firstHalf = events.slice(0, events.length / 2);
    apply(firstHalf);
    for (const event of firstHalf) apply([event]);
    // then
    assert.deepEqual(rows(db), before);
  });
});
