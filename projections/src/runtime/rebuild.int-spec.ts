import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseSync } from 'node:sqlite';
import type { EventStore, ReadAllOptions } from '#eventstore';
import { guildsProjection } from '../guilds/guilds.projection';
import { countingProjection, countingSummary } from '../testing/counting-projection';
import { guildId, openTestStore, seedGuilds, tempDir } from '../testing/fixtures';
import { ProjectionHost } from './projection-host';
import { ProjectionRunner } from './projection-runner';

const dump = (db: DatabaseSync, table = 'guilds') => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
const schemaOf = (db: DatabaseSync) =>
  db
    .prepare("SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();

describe('rebuild', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: EventStore;
  const hosts: ProjectionHost[] = [];
  const host = (options: Partial<ConstructorParameters<typeof ProjectionHost>[0]> = {}) => {
    const created = new ProjectionHost({
      store,
      dataDir: tmp.dir,
      projections: [guildsProjection],
      ...options,
    });
    hosts.push(created);
    return created;
  };

  beforeEach(async () => {
    tmp = tempDir();
    store = await openTestStore(tmp.dir);
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.stop();
    await store.close();
    tmp.remove();
  });

  it('given a live read model, when rebuilt, then the result equals it and indexes keep their names', async () => {
    const head = await seedGuilds(store, 300);
    const live = host({ batchSize: 50 });
    await live.start();
    await live.waitForPosition('guilds', head, 5_000);
    const before = dump(live.db);
    const schemaBefore = schemaOf(live.db);

    const progress: [number, number][] = [];
    const eventsRead = await live.rebuild('guilds', (done, total) => progress.push([done, total]));

    assert.equal(eventsRead, head + 1);
    assert.equal(live.runner('guilds').checkpoint, head);
    assert.deepEqual(dump(live.db), before);
    assert.deepEqual(schemaOf(live.db), schemaBefore);
    assert.ok(progress.length > 1, 'progress is reported page by page');
    assert.deepEqual(progress.at(-1), [head + 1, head + 1]);
    assert.ok(
      progress.every(([done], i) => i === 0 || done >= progress[i - 1][0]),
      'progress never goes back',
    );
  });

  it('given writes during the rebuild, when it finishes, then the read model equals a replay from zero', async () => {
    await seedGuilds(store, 200);
    const live = host({ batchSize: 25, rebuildPageSize: 40 });
    await live.start();
    let next = 200;
    // Keep writing while the rebuild pages through the store: the live runner applies them meanwhile.
    await live.rebuild('guilds', () => void seedGuilds(store, 2, (next += 2) - 2));
    const head = await seedGuilds(store, 5, 1_000);
    assert.equal(await live.waitForPosition('guilds', head, 5_000), true);

    const elsewhere = tempDir();
    const fresh = host({ dataDir: elsewhere.dir });
    await fresh.start();
    assert.equal(await fresh.waitForPosition('guilds', head, 5_000), true);
    assert.equal(dump(live.db).length, next + 5);
    assert.deepEqual(dump(live.db), dump(fresh.db));
    await fresh.stop();
    elsewhere.remove();
  });

  it('given a live runner ahead of the replay at swap time, when rebuilt, then the swap waits until the replay has caught up', async () => {
    const head = await seedGuilds(store, 60); // positions 0–119
    const live = host({ projections: [countingProjection()] });
    await live.start();
    await live.waitForPosition('counting', head, 5_000);

    // A replay that lags (like a read replica): it first sees the store only up to position 99.
    let staleReads = 1;
    const lagging = Object.create(store) as EventStore;
    lagging.readAll = async (options: ReadAllOptions = {}) => {
      const page = await store.readAll(options);
      if (staleReads === 0) return page;
      const visible = page.filter((e) => e.position <= 99);
      if (visible.length === 0) staleReads -= 1;
      return visible;
    };
    const rebuilder = new ProjectionRunner({
      store: lagging,
      db: live.db,
      projection: countingProjection(),
      rebuildPageSize: 30,
    });
    const result = await rebuilder.rebuild();

    assert.equal(result.position, head);
    assert.deepEqual(countingSummary(live.db), { count: 120, maxTimes: 1 });
  });

  it('given a projection whose version changed, when started, then it is rebuilt before going live', async () => {
    const head = await seedGuilds(store, 20);
    const v1 = host();
    await v1.start();
    await v1.waitForPosition('guilds', head, 5_000);
    // A row no event explains: only a rebuild from the events removes it.
    v1.db
      .exec(`INSERT INTO guilds SELECT '1', name, owner_id, member_count, bot_count, online_count, premium, features,
      prefix, welcome_channel_id, mod_log_channel_id, auto_mod, time_zone, removed_at, revision, updated_at FROM guilds LIMIT 1`);
    const before = dump(v1.db).filter((row) => row.id !== '1');
    await v1.stop();

    const next = guildsProjection.version + 1;
    const v2 = host({ projections: [{ ...guildsProjection, version: next }] });
    await v2.start();
    assert.deepEqual(dump(v2.db), before);
    const stored = v2.db
      .prepare("SELECT position, version FROM projection_checkpoints WHERE name = 'guilds'")
      .get();
    assert.deepEqual({ ...stored }, { position: head, version: next });
    assert.equal((await v2.runner('guilds').status()).checkpoint, head);

    const more = await seedGuilds(store, 1, 500);
    assert.equal(await v2.waitForPosition('guilds', more, 2_000), true);
    assert.notEqual(
      dump(v2.db).find((row) => row.id === guildId(500)),
      undefined,
    );
  });

  it('given shadow tables left by a crashed rebuild, when rebuilt again, then they are replaced', async () => {
    const head = await seedGuilds(store, 10);
    const live = host();
    await live.start();
    await live.waitForPosition('guilds', head, 5_000);
    live.db.exec('CREATE TABLE guilds__rebuild (junk TEXT)');
    await live.rebuild('guilds');
    assert.equal(dump(live.db).length, 10);
    assert.deepEqual(
      schemaOf(live.db).map((row) => row.name),
      ['guilds', 'guilds_by_owner', 'projection_checkpoints'],
    );
  });

  it('given a server keeping the projection live, when another process that never started it rebuilds, then both agree', async () => {
    await seedGuilds(store, 50);
    const server = host({ batchSize: 10 });
    await server.start();
    const cliStore = await openTestStore(tmp.dir);
    const cli = host({ store: cliStore, rebuildPageSize: 15 });
    let next = 50;
    const eventsRead = await cli.rebuild('guilds', () => void seedGuilds(store, 1, next++));
    assert.ok(eventsRead >= 100);
    const head = await seedGuilds(store, 1, 900);
    assert.equal(await server.waitForPosition('guilds', head, 5_000), true);
    assert.equal(dump(server.db).length, next + 1);
    // Same file, so compare with the events: every guild present, each at its last revision.
    assert.ok(
      dump(server.db).every(
        (row) => row.revision === 1 && row.prefix === `?${Number(BigInt(String(row.id)) % 10n)}`,
      ),
    );
    await cli.stop();
    await cliStore.close();
  });
});
