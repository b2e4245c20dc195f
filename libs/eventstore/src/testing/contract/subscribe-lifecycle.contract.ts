import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SubscriptionRecorder,
  sleep,
  testEvent,
  uniqueStreamId,
  useStore,
  waitFor,
  type OpenEventStore,
} from '../fixtures';

/** How long to watch for a delivery that must not happen. */
const QUIET_MS = 300;

export function subscribeLifecycleContract(open: OpenEventStore): void {
  describe('subscribeToAll flow control, stop and errors', () => {
    const store = useStore(open);

    it('given a slow handler, when batches keep coming, then the next batch waits for the previous one to settle', async () => {
      const prefix = uniqueStreamId('subslow');
      const streamId = `${prefix}-s`;
      await store().appendToStream(streamId, [testEvent('A', {}), testEvent('B', {}), testEvent('C', {})]);
      let inFlight = 0;
      let maxInFlight = 0;
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] }, maxBatchSize: 1 },
        recorder.handler(async () => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(15);
          inFlight -= 1;
        }),
      );
      try {
        await store().appendToStream(streamId, [testEvent('D', {})]);
        await store().appendToStream(streamId, [testEvent('E', {})]);
        await waitFor(() => recorder.events.length >= 5, 'five events');
        assert.equal(maxInFlight, 1);
        assert.equal(recorder.batches.length, 5, 'maxBatchSize 1 means one event per batch');
        assert.deepEqual(
          recorder.events.map((event) => event.type),
          ['A', 'B', 'C', 'D', 'E'],
        );
      } finally {
        await subscription.stop();
      }
    });

    it('given a live subscription, when stopped, then later events are not delivered', async () => {
      const prefix = uniqueStreamId('substop');
      const streamId = `${prefix}-s`;
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(),
      );
      await store().appendToStream(streamId, [testEvent('Seen', {})]);
      await waitFor(() => recorder.events.length === 1, 'first event');
      await subscription.stop();
      await store().appendToStream(streamId, [testEvent('NotSeen', {})]);
      await sleep(QUIET_MS);
      assert.deepEqual(
        recorder.events.map((event) => event.type),
        ['Seen'],
      );
      assert.deepEqual(recorder.errors, [], 'stopping is not an error');
    });

    it('given a handler still running, when stopped, then stop resolves only after the handler settled', async () => {
      const prefix = uniqueStreamId('substopslow');
      let started = false;
      let finished = false;
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(async () => {
          started = true;
          await sleep(150);
          finished = true;
        }),
      );
      await store().appendToStream(`${prefix}-s`, [testEvent('Slow', {})]);
      await waitFor(() => started, 'handler started');
      await subscription.stop();
      assert.equal(finished, true);
    });

    it('given a handler that throws, when an event arrives, then the subscription stops and reports through onError', async () => {
      const prefix = uniqueStreamId('subthrow');
      const streamId = `${prefix}-s`;
      const failure = new Error('projection failed');
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(() => {
          throw failure;
        }),
      );
      try {
        await store().appendToStream(streamId, [testEvent('First', {})]);
        await waitFor(() => recorder.errors.length > 0, 'onError');
        await store().appendToStream(streamId, [testEvent('Second', {})]);
        await sleep(QUIET_MS);
        assert.equal(recorder.errors.length, 1);
        assert.equal(recorder.errors[0], failure);
        assert.deepEqual(
          recorder.events.map((event) => event.type),
          ['First'],
        );
      } finally {
        await subscription.stop();
      }
    });
  });
}
