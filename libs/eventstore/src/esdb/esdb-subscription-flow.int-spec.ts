import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeEsdb, type FakeEsdbServer } from '#test/support/esdb-fake/index';
import { SubscriptionRecorder, sleep, testEvent, uniqueStreamId, waitFor } from '../testing/fixtures';
import { EsdbEventStore } from './esdb-event-store';

// Regression: the subscription paused the gRPC stream once its queue was full and only resumed it after
// a handler call, so a queue drained without one (markers, client-side filtered events) stalled forever.

async function withFake(test: (server: FakeEsdbServer, store: EsdbEventStore) => Promise<void>) {
  const server = await startFakeEsdb();
  const store = EsdbEventStore.fromConnectionString(server.url);
  try {
    await test(server, store);
  } finally {
    await store.close();
    await server.stop();
  }
}

const events = (type: string, count: number) => Array.from({ length: count }, () => testEvent(type, {}));

describe('EsdbEventStore subscription flow control against the fake server', () => {
  it('given a slow handler and a run of events the client-side filter drops, when a wanted event follows, then it is delivered', () =>
    withFake(async (_server, store) => {
      const prefix = uniqueStreamId('flowfilter');
      await store.appendToStream(`${prefix}-s`, [...events('Wanted', 1), ...events('Unwanted', 10)]);
      const recorder = new SubscriptionRecorder();
      // While the first call sleeps, the dropped events pile up in the queue behind it.
      const subscription = store.subscribeToAll(
        { filter: { streamPrefixes: [prefix], eventTypes: ['Wanted'] }, maxBatchSize: 1 },
        recorder.handler(() => sleep(15)),
      );
      try {
        await waitFor(() => recorder.events.length === 1, 'the first wanted event', 3_000);
        await store.appendToStream(`${prefix}-s`, events('Wanted', 1));
        await waitFor(() => recorder.events.length === 2, 'the live wanted event', 3_000);
        assert.deepEqual(
          recorder.events.map((event) => event.type),
          ['Wanted', 'Wanted'],
        );
        await waitFor(() => subscription.caughtUp, 'caught up past the dropped events', 3_000);
      } finally {
        await subscription.stop();
      }
    }));

  it('given a slow handler and CaughtUp queued behind the last catch-up event, when live events follow, then each is delivered', () =>
    withFake(async (_server, store) => {
      const prefix = uniqueStreamId('flowmarker');
      await store.appendToStream(`${prefix}-s`, events('Old', 4));
      const recorder = new SubscriptionRecorder();
      // The slow first call lets the whole catch-up, checkpoint and CaughtUp pile up in the queue.
      const subscription = store.subscribeToAll(
        { filter: { streamPrefixes: [prefix] }, maxBatchSize: 1 },
        recorder.handler(() => sleep(15)),
      );
      try {
        await waitFor(() => recorder.events.length === 4, 'the catch-up', 3_000);
        await store.appendToStream(`${prefix}-s`, events('New', 1));
        await store.appendToStream(`${prefix}-s`, events('New', 1));
        await waitFor(() => recorder.events.length === 6, 'both live events', 3_000);
        assert.deepEqual(
          recorder.batches.map((batch) => batch.length),
          [1, 1, 1, 1, 1, 1],
        );
        assert.deepEqual(recorder.errors, []);
      } finally {
        await subscription.stop();
      }
    }));
});
