import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeEsdb, type FakeEsdbOptions, type FakeEsdbServer } from '#test/support/esdb-fake/index';
import type { NewEvent } from '../envelope';
import { EventStoreUnavailableError } from '../errors';
import { SubscriptionRecorder, sleep, testEvent, uniqueStreamId, waitFor } from '../testing/fixtures';
import { EsdbEventStore } from './esdb-event-store';

async function withFake(
  options: FakeEsdbOptions,
  test: (server: FakeEsdbServer, store: EsdbEventStore) => Promise<void>,
): Promise<void> {
  const server = await startFakeEsdb(options);
  const store = EsdbEventStore.fromConnectionString(server.url);
  try {
    await test(server, store);
  } finally {
    await store.close();
    await server.stop();
  }
}

/** Retries work the store refuses as unavailable, as a caller would, until it succeeds or time runs out. */
async function retryWhileUnavailable<T>(work: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof EventStoreUnavailableError) || Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

const numbered = (from: number, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) => testEvent('Numbered', { n: from + i }));

describe('EsdbEventStore subscriptions against the fake server', () => {
  it('given a subscription dropped repeatedly during catch-up and live, then every event arrives once, in order', () =>
    withFake({}, async (server, store) => {
      const prefix = uniqueStreamId('drop');
      const [a, b] = [`${prefix}-a`, `${prefix}-b`];
      for (let i = 0; i < 40; i += 10) await store.appendToStream(i % 20 ? a : b, numbered(i, 10));
      const recorder = new SubscriptionRecorder();
      const subscription = store.subscribeToAll(
        { filter: { streamPrefixes: [prefix] }, maxBatchSize: 4 },
        recorder.handler(() => sleep(2)),
      );
      try {
        await waitFor(() => recorder.events.length >= 5, 'catch-up under way');
        let dropped = server.dropSubscriptions();
        await store.appendToStream(a, numbered(40, 10));
        await waitFor(
          () => subscription.caughtUp && server.subscriptionCount === 1,
          'resubscribed, caught up',
        );
        dropped += server.dropSubscriptions();
        await store.appendToStream(b, numbered(50, 5));
        await waitFor(() => server.subscriptionCount === 1, 'resubscribed after a live drop');
        await store.appendToStream(a, numbered(55, 5));
        await waitFor(() => recorder.events.length >= 60, 'sixty events');
        await sleep(100);

        assert.equal(dropped, 2, 'both drops hit a live server-side subscription');
        const ns = recorder.events.map((event) => (event.data as { n: number }).n);
        assert.deepEqual(
          ns,
          Array.from({ length: 60 }, (_, i) => i),
          'no gap, no duplicate, $all order',
        );
        assert.equal(recorder.caughtUpCalls, 1);
        assert.deepEqual(recorder.errors, []);
        assert.equal(subscription.lastPosition, recorder.events.at(-1)?.position);
      } finally {
        await subscription.stop();
      }
    }));

  it('given a server that never sends CaughtUp, when subscribing, then caught-up is detected at the head read at subscribe time', () =>
    withFake({ sendsCaughtUp: false }, async (_server, store) => {
      const streamId = uniqueStreamId('old');
      await store.appendToStream(streamId, numbered(0, 3));
      const recorder = new SubscriptionRecorder();
      const subscription = store.subscribeToAll({}, recorder.handler());
      try {
        await waitFor(() => recorder.caughtUpCalls > 0, 'caught up');
        assert.equal(recorder.events.length, 3, 'caught up only after the events that existed');
        await store.appendToStream(streamId, numbered(3, 1));
        await waitFor(() => recorder.events.length === 4, 'live event');
        assert.equal(recorder.caughtUpCalls, 1);
      } finally {
        await subscription.stop();
      }
    }));

  it('given many events a filter skips, when subscribed, then checkpoints move past them and resuming after one loses nothing', () =>
    withFake({}, async (_server, store) => {
      const prefix = uniqueStreamId('ckpt');
      await store.appendToStream(`${prefix}-s`, numbered(0, 1));
      await store.appendToStream(uniqueStreamId('noise'), numbered(0, 100));
      const recorder = new SubscriptionRecorder();
      const first = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }, recorder.handler());
      await waitFor(() => recorder.caughtUpCalls > 0, 'caught up');
      await first.stop();
      const checkpoint = Math.max(...recorder.checkpoints);
      assert.ok(checkpoint > recorder.events[0]!.position, 'a checkpoint past the only matching event');

      await store.appendToStream(`${prefix}-s`, numbered(1, 1));
      const resumed = new SubscriptionRecorder();
      const second = store.subscribeToAll(
        { after: checkpoint, filter: { streamPrefixes: [prefix] } },
        resumed.handler(),
      );
      try {
        await waitFor(() => resumed.events.length >= 1 && resumed.caughtUpCalls > 0, 'resumed');
        assert.deepEqual(
          resumed.events.map((event) => event.data),
          [{ n: 1 }],
        );
      } finally {
        await second.stop();
      }
    }));

  it('given events that arrive together, when the handler is slow, then they are batched up to maxBatchSize', () =>
    withFake({}, async (_server, store) => {
      const prefix = uniqueStreamId('batch');
      await store.appendToStream(`${prefix}-s`, numbered(0, 20));
      const recorder = new SubscriptionRecorder();
      const subscription = store.subscribeToAll(
        { filter: { streamPrefixes: [prefix] }, maxBatchSize: 8 },
        recorder.handler(() => sleep(10)),
      );
      try {
        await waitFor(() => recorder.events.length >= 20, 'twenty events');
        assert.ok(recorder.batches.every((batch) => batch.length <= 8));
        assert.ok(
          recorder.batches.some((batch) => batch.length > 1),
          `batched: ${recorder.batches.map((batch) => batch.length).join(',')}`,
        );
      } finally {
        await subscription.stop();
      }
    }));

  it('given a live subscription, when the server restarts on the same port with its log, then it resumes without loss or duplicate', async () => {
    const first = await startFakeEsdb();
    const store = EsdbEventStore.fromConnectionString(first.url);
    let restarted: FakeEsdbServer | undefined;
    const prefix = uniqueStreamId('restart');
    const recorder = new SubscriptionRecorder();
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }, recorder.handler());
    try {
      await store.appendToStream(`${prefix}-s`, numbered(0, 2));
      await waitFor(() => recorder.events.length === 2, 'before the restart');
      await first.stop();
      await sleep(100);
      restarted = await startFakeEsdb({ port: first.port, log: first.log });
      // The client may still be backing off after refused reconnects; a caller retries the same events.
      const later = numbered(2, 2);
      await retryWhileUnavailable(() => store.appendToStream(`${prefix}-s`, later));
      await waitFor(() => recorder.events.length >= 4, 'after the restart', 15_000);
      await sleep(100);
      assert.deepEqual(
        recorder.events.map((event) => (event.data as { n: number }).n),
        [0, 1, 2, 3],
      );
      assert.deepEqual(recorder.errors, []);
    } finally {
      await subscription.stop();
      await store.close();
      await restarted?.stop();
    }
  });
});
