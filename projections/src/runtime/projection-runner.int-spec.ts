import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventStore } from '#eventstore';
import { guildsProjection } from '../guilds/guilds.projection';
import { countingProjection, countingSummary } from '../testing/counting-projection';
import {
  append,
  guildId,
  openTestStore,
  registered,
  seedGuilds,
  tempDir,
  toNewEvent,
  waitUntil,
} from '../testing/fixtures';
import { ProjectionHost } from './projection-host';

describe('ProjectionRunner', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: EventStore;
  const hosts: ProjectionHost[] = [];
  const quiet = { log: () => {}, error: () => {} };
  const host = (options: Partial<ConstructorParameters<typeof ProjectionHost>[0]> = {}) => {
    const created = new ProjectionHost({
      store,
      dataDir: tmp.dir,
      projections: [countingProjection()],
      logger: quiet,
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

  it('given a stopped runner, when restarted after more writes, then it resumes from its checkpoint', async () => {
    await seedGuilds(store, 5); // positions 0–9
    const first = host({ batchSize: 3 });
    await first.start();
    assert.equal(await first.waitForPosition('counting', 9, 2_000), true);
    await first.stop();
    const head = await seedGuilds(store, 3, 5);
    const second = host({ batchSize: 3 });
    await second.start();
    assert.equal(await second.waitForPosition('counting', head, 2_000), true);
    assert.deepEqual(countingSummary(second.db), { count: 16, maxTimes: 1 });
  });

  it('given a batch that fails, when the process restarts, then nothing is lost and nothing doubled', async () => {
    await seedGuilds(store, 6); // positions 0–11
    let failAt: number | undefined = 7;
    const crashing = host({
      batchSize: 3,
      retryDelayMs: 60_000,
      projections: [countingProjection({ failAt: () => failAt })],
    });
    await crashing.start();
    const runner = crashing.runner('counting');
    await waitUntil(() => runner.checkpoint === 5);
    const status = await runner.status();
    assert.match(status.lastError ?? '', /boom at 7/);
    // The failed batch rolled back as a whole: positions 6 and 8 were not kept either.
    assert.deepEqual(countingSummary(crashing.db), { count: 6, maxTimes: 1 });
    await crashing.stop();

    failAt = undefined;
    const restarted = host({ batchSize: 3 });
    await restarted.start();
    assert.equal(await restarted.waitForPosition('counting', 11, 2_000), true);
    assert.deepEqual(countingSummary(restarted.db), { count: 12, maxTimes: 1 });
  });

  it('given a batch that fails once, when the retry delay passes, then the same runner recovers', async () => {
    await seedGuilds(store, 3);
    let failAt: number | undefined = 4;
    const h = host({
      batchSize: 2,
      retryDelayMs: 20,
      projections: [countingProjection({ failAt: () => failAt })],
    });
    await h.start();
    await waitUntil(() => h.runner('counting').checkpoint === 3);
    failAt = undefined;
    assert.equal(await h.waitForPosition('counting', 5, 2_000), true);
    assert.equal((await h.runner('counting').status()).lastError, null);
    assert.deepEqual(countingSummary(h.db), { count: 6, maxTimes: 1 });
  });

  it('given events not yet applied, when status is asked, then the lag is head minus checkpoint', async () => {
    await seedGuilds(store, 5);
    const h = host();
    assert.deepEqual(
      { ...(await h.runner('counting').status()), lastError: undefined },
      {
        name: 'counting',
        version: 1,
        checkpoint: -1,
        headPosition: 9,
        lag: 10,
        caughtUp: false,
        rebuilding: false,
        lastError: undefined,
      },
    );
    await h.start();
    await waitUntil(() => h.runner('counting').checkpoint === 9);
    const [status] = await h.statuses();
    assert.equal(status.lag, 0);
    assert.equal(status.caughtUp, true);
  });

  it('given a write, when waiting for its position, then the wait resolves once it is applied', async () => {
    const h = host({ projections: [guildsProjection] });
    await h.start();
    const position = await append(store, guildId(1), registered(1));
    assert.equal(await h.waitForPosition('guilds', position, 2_000), true);
    assert.equal(h.runner('guilds').checkpoint, position);
  });

  it('given a position nobody writes, when waiting, then the wait times out with false', async () => {
    const h = host();
    await h.start();
    const started = Date.now();
    assert.equal(await h.waitForPosition('counting', 1_000, 50), false);
    assert.ok(Date.now() - started >= 45);
  });

  it('given many events the filter rejects, when the store reports a checkpoint, then the checkpoint moves past them', async () => {
    const h = host({ projections: [guildsProjection], batchSize: 5 });
    await h.start();
    const guildPosition = await append(store, guildId(1), registered(1));
    const usage = Array.from({ length: 12 }, (_, i) => ({
      ...toNewEvent(registered(1)),
      type: 'CommandUsed',
      id: `u${i}`,
    }));
    const { position: last } = await store.appendToStream('usage-1', usage);
    // The store reports a checkpoint every `batchSize` skipped positions, so it ends within one batch of the head.
    await waitUntil(() => h.runner('guilds').checkpoint >= last - 5);
    assert.ok(h.runner('guilds').checkpoint > guildPosition);
    assert.ok(((await h.runner('guilds').status()).lag ?? Infinity) <= 5);
  });

  it('given two processes on one read-model file, when both run, then every event is applied exactly once', async () => {
    const server = host({ batchSize: 7 });
    // The CLI process has its own event store connection and its own read-model connection.
    const cliStore = await openTestStore(tmp.dir);
    const cli = host({ batchSize: 5, store: cliStore });
    assert.notEqual(server.db, cli.db);
    await Promise.all([server.start(), cli.start()]);
    let head = -1;
    for (let round = 0; round < 10; round++) {
      head = await seedGuilds(store, 10, round * 10);
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(await server.waitForPosition('counting', head, 5_000), true);
    assert.equal(await cli.waitForPosition('counting', head, 5_000), true);
    assert.deepEqual(countingSummary(server.db), { count: 200, maxTimes: 1 });
    await cli.stop();
    await cliStore.close();
  });
});
