import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventStoreUnavailableError } from '../../errors';
import { SubscriptionRecorder, testEvent, uniqueStreamId, waitFor, type OpenEventStore } from '../fixtures';

export function closeContract(open: OpenEventStore): void {
  describe('close', () => {
    it('given an open store with a live subscription, when closed, then the subscription stops and ping reports unavailable', async () => {
      const { store, dispose } = await open();
      try {
        const prefix = uniqueStreamId('close');
        const recorder = new SubscriptionRecorder();
        const subscription = store.subscribeToAll(
          { filter: { streamPrefixes: [prefix] } },
          recorder.handler(),
        );
        await store.appendToStream(`${prefix}-s`, [testEvent('BeforeClose', {})]);
        await waitFor(() => recorder.events.length === 1, 'event before close');
        await store.close();
        await store.close();
        await assert.rejects(store.ping(), EventStoreUnavailableError);
        assert.equal(recorder.events.length, 1);
        await subscription.stop();
      } finally {
        await dispose();
      }
    });
  });
}
