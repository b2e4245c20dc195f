import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../../envelope';
import {
  SubscriptionRecorder,
  testEvent,
  uniqueStreamId,
  useStore,
  waitFor,
  type OpenEventStore,
} from '../fixtures';

const increasing = (events: readonly RecordedEvent[]): boolean =>
  events.every((event, i) => i === 0 || event.position > events[i - 1].position);

export function subscribeDeliveryContract(open: OpenEventStore): void {
  describe('subscribeToAll delivery', () => {
    const store = useStore(open);

    it('given events under a stream prefix, when subscribing from the start filtered by that prefix, then exactly those arrive in order', async () => {
      const prefix = uniqueStreamId('subprefix');
      const [one, two, other] = [`${prefix}-1`, `${prefix}-2`, uniqueStreamId('other')];
      await store().appendToStream(one, [testEvent('A', {}), testEvent('B', {})]);
      await store().appendToStream(other, [testEvent('A', {})]);
      await store().appendToStream(two, [testEvent('C', {})]);
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(),
      );
      try {
        await waitFor(() => recorder.caughtUpCalls > 0, 'catch-up');
        assert.deepEqual(
          recorder.events.map((event) => `${event.streamId}:${event.type}`),
          [`${one}:A`, `${one}:B`, `${two}:C`],
        );
        assert.ok(increasing(recorder.events));
      } finally {
        await subscription.stop();
      }
    });

    it('given a checkpoint, when subscribing after it, then delivery starts strictly after that position', async () => {
      const streamId = uniqueStreamId('subcheckpoint');
      await store().appendToStream(streamId, [testEvent('E0', {})]);
      const events = await store().readStream(streamId);
      await store().appendToStream(streamId, [testEvent('E1', {}), testEvent('E2', {})]);
      const after = events[0].position;
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll({ after }, recorder.handler());
      try {
        await waitFor(
          () => recorder.eventsOf(streamId).length >= 2 && recorder.caughtUpCalls > 0,
          'two events',
        );
        assert.deepEqual(
          recorder.eventsOf(streamId).map((event) => event.type),
          ['E1', 'E2'],
        );
        assert.ok(recorder.events.every((event) => event.position > after));
        assert.ok(increasing(recorder.events));
      } finally {
        await subscription.stop();
      }
    });

    it('given a caught-up subscription, when new events are appended, then they are delivered live and onCaughtUp fired once', async () => {
      const prefix = uniqueStreamId('sublive');
      const streamId = `${prefix}-s`;
      await store().appendToStream(streamId, [testEvent('Before0', {}), testEvent('Before1', {})]);
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(),
      );
      try {
        await waitFor(() => recorder.caughtUpCalls > 0, 'catch-up');
        assert.equal(subscription.caughtUp, true);
        await store().appendToStream(streamId, [testEvent('Live2', {})]);
        const last = await store().appendToStream(streamId, [testEvent('Live3', {})]);
        // lastPosition moves once the handler's promise settles, a turn after it saw the events.
        await waitFor(
          () => recorder.events.length >= 4 && subscription.lastPosition === last.position,
          'live events, and the position after them',
        );
        assert.deepEqual(
          recorder.events.map((event) => event.revision),
          [0, 1, 2, 3],
        );
        assert.equal(recorder.caughtUpCalls, 1);
      } finally {
        await subscription.stop();
      }
    });

    it('given mixed event types, when filtering by type, then only those types arrive, in catch-up and live', async () => {
      const suffix = randomUUID().slice(0, 8);
      const [wanted, unwanted] = [`Wanted${suffix}`, `Unwanted${suffix}`];
      const streamId = uniqueStreamId('subtype');
      await store().appendToStream(streamId, [testEvent(wanted, { n: 0 }), testEvent(unwanted, {})]);
      await store().appendToStream(streamId, [testEvent(wanted, { n: 1 })]);
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll({ filter: { eventTypes: [wanted] } }, recorder.handler());
      try {
        await waitFor(() => recorder.caughtUpCalls > 0, 'catch-up');
        await store().appendToStream(streamId, [testEvent(unwanted, {}), testEvent(wanted, { n: 2 })]);
        await waitFor(() => recorder.events.length >= 3, 'three wanted events');
        assert.deepEqual(
          recorder.events.map((event) => event.data),
          [{ n: 0 }, { n: 1 }, { n: 2 }],
        );
        assert.ok(recorder.events.every((event) => event.type === wanted));
      } finally {
        await subscription.stop();
      }
    });

    it('given both a prefix and a type filter, when subscribing, then an event must match both', async () => {
      const prefix = uniqueStreamId('subboth');
      const type = `Both${randomUUID().slice(0, 8)}`;
      await store().appendToStream(`${prefix}-a`, [testEvent(type, { keep: true }), testEvent('Other', {})]);
      await store().appendToStream(uniqueStreamId('elsewhere'), [testEvent(type, { keep: false })]);
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix], eventTypes: [type] } },
        recorder.handler(),
      );
      try {
        await waitFor(() => recorder.caughtUpCalls > 0, 'catch-up');
        assert.deepEqual(
          recorder.events.map((event) => event.data),
          [{ keep: true }],
        );
      } finally {
        await subscription.stop();
      }
    });

    it('given more events than maxBatchSize, when subscribing, then no batch exceeds it and order holds', async () => {
      const prefix = uniqueStreamId('subbatch');
      const streamId = `${prefix}-s`;
      await store().appendToStream(
        streamId,
        Array.from({ length: 10 }, (_, n) => testEvent('Numbered', { n })),
      );
      const recorder = new SubscriptionRecorder();
      const subscription = store().subscribeToAll(
        { filter: { streamPrefixes: [prefix] }, maxBatchSize: 3 },
        recorder.handler(),
      );
      try {
        await waitFor(() => recorder.events.length >= 10, 'ten events');
        assert.ok(
          recorder.batches.every((batch) => batch.length >= 1 && batch.length <= 3),
          'batch sizes',
        );
        assert.deepEqual(
          recorder.events.map((event) => event.revision),
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        );
      } finally {
        await subscription.stop();
      }
    });
  });
}
