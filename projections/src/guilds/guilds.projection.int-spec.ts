import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GuildEvent } from '#domain';
import type { EventStore } from '#eventstore';
import { ProjectionHost } from '../runtime/projection-host';
import { openReadModelDb } from '../runtime/readmodel-db';
import { pageApplierOf } from '../runtime/sqlite-projection';
import { append, guildId, openTestStore, profileOf, registered, tempDir } from '../testing/fixtures';
import { guildsProjection } from './guilds.projection';
import { GuildsReadModel } from './guilds.read-model';

describe('guilds projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;
  let guilds: GuildsReadModel;

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [guildsProjection], dataDir: tmp.dir });
    await host.start();
    guilds = new GuildsReadModel(host.db);
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const settled = async (position: number) =>
    assert.equal(await host.waitForPosition('guilds', position, 2_000), true);

  it('given a registered guild, when read, then the view has its profile and the default settings', async () => {
    await settled(await append(store, guildId(1), registered(1)));
    assert.deepEqual(guilds.get(guildId(1)), {
      id: guildId(1),
      ...profileOf(1),
      features: ['music'],
      settings: {
        prefix: 'h!',
        welcomeChannelId: null,
        modLogChannelId: null,
        autoMod: { enabled: false, spamProtection: false, wordFilter: [] },
        timeZone: 'UTC',
      },
      removedAt: null,
      revision: 0,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('given no such guild, when read, then the answer is null', () => {
    assert.equal(guilds.get('42'), null);
  });

  it('given updates and settings changes, when read, then only the changed fields moved', async () => {
    const id = guildId(2);
    const events: GuildEvent[] = [
      registered(2),
      {
        type: 'GuildUpdated',
        data: { guildId: id, changes: { name: 'Renamed', premium: true, features: ['music', 'leveling'] } },
      },
      {
        type: 'SettingsChanged',
        data: { guildId: id, changes: { prefix: 'h!', welcomeChannelId: '5', modLogChannelId: '6' } },
      },
      {
        type: 'SettingsChanged',
        data: { guildId: id, changes: { autoMod: { enabled: true, wordFilter: ['spam'] } } },
      },
      {
        type: 'SettingsChanged',
        data: { guildId: id, changes: { welcomeChannelId: null, autoMod: { spamProtection: true } } },
      },
      { type: 'GuildUpdated', data: { guildId: id, changes: { memberCount: 500 } } },
    ];
    await settled(await append(store, id, ...events));
    const view = guilds.get(id);
    assert.deepEqual(
      { ...view, updatedAt: undefined },
      {
        id,
        ...profileOf(2),
        name: 'Renamed',
        premium: true,
        features: ['music', 'leveling'],
        memberCount: 500,
        settings: {
          prefix: 'h!',
          welcomeChannelId: null,
          modLogChannelId: '6',
          autoMod: { enabled: true, spamProtection: true, wordFilter: ['spam'] },
          timeZone: 'UTC',
        },
        removedAt: null,
        revision: 5,
        updatedAt: undefined,
      },
    );
  });

  it('given applied events, when they are applied again, then the row does not change (idempotent by revision)', async () => {
    const id = guildId(3);
    await settled(
      await append(store, id, registered(3), {
        type: 'GuildUpdated',
        data: { guildId: id, changes: { memberCount: 999 } },
      }),
    );
    const before = guilds.get(id);
    const history = await store.readStream(`guild-${id}`);
    const apply = pageApplierOf(guildsProjection.prepare(host.db, { guilds: 'guilds' }));
    // A replayed registration must not reset the later member count; a replayed update must not bump
    // anything: neither one event at a time (per-event statements) nor as one page (folded in memory).
    for (const event of history) apply([event]);
    apply(history);
    assert.deepEqual(guilds.get(id), before);
    assert.equal(before?.memberCount, 999);
  });

  it('given an update for a guild never registered, when applied, then no row appears', async () => {
    await settled(
      await append(store, guildId(4), {
        type: 'GuildUpdated',
        data: { guildId: guildId(4), changes: { name: 'x' } },
      }),
    );
    assert.equal(guilds.get(guildId(4)), null);
  });

  it('given a re-registration, when applied, then the profile is replaced and the settings kept', async () => {
    const id = guildId(5);
    await append(store, id, registered(5), {
      type: 'SettingsChanged',
      data: { guildId: id, changes: { prefix: '$' } },
    });
    await settled(
      await append(store, id, {
        type: 'GuildRegistered',
        data: { guildId: id, ...profileOf(5), name: 'Again' },
      }),
    );
    const view = guilds.get(id);
    assert.equal(view?.name, 'Again');
    assert.equal(view?.settings.prefix, '$');
    assert.equal(view?.revision, 2);
  });

  it('given a read-model file the projection never ran on, when read, then every guild is unknown', () => {
    const empty = openReadModelDb({ path: ':memory:' });
    assert.equal(new GuildsReadModel(empty).get(guildId(1)), null);
    empty.close();
  });
  it('given the gateway’s samples and a removal, when read, then online follows, removal is dated, and a return clears it', async () => {
    const id = guildId(7);
    const at = '2026-01-02T00:00:00.000Z';
    const removedPosition = await append(
      store,
      id,
      registered(7),
      { type: 'OnlineCountSampled', data: { guildId: id, onlineCount: 3, at } },
      { type: 'GuildRolesChanged', data: { guildId: id, roles: [{ id, name: '@everyone' }] } },
      { type: 'BotRemovedFromGuild', data: { guildId: id, at } },
    );
    await settled(removedPosition);
    const removed = guilds.get(id)!;
    assert.deepEqual([removed.onlineCount, removed.removedAt, removed.revision], [3, at, 3]);

    await settled(await append(store, id, registered(7)));
    assert.equal(guilds.get(id)!.removedAt, null);
  });
});
