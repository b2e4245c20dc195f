import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionRecorder, testEvent, uniqueStreamId, waitFor } from '../testing/fixtures';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore subscriptions', () => {
  let dir: string;
  let store: SqliteEventStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'guildhall-subscriptions-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given a filter that matches nothing for a long run, when catching up, then onCheckpoint moves past the run', async () => {
    const noise = uniqueStreamId('noise');
    await store.appendToStream(
      noise,
      Array.from({ length: 30 }, () => testEvent('Noise', {})),
    );
    const head = await store.headPosition();
    const recorder = new SubscriptionRecorder();
    const subscription = store.subscribeToAll(
      { filter: { streamPrefixes: [uniqueStreamId('quiet')] }, maxBatchSize: 10 },
      recorder.handler(),
    );
    try {
      await waitFor(() => subscription.caughtUp, 'catch-up');
      assert.deepEqual(recorder.events, []);
      assert.equal(recorder.checkpoints.at(-1), head);
      assert.ok(
        recorder.checkpoints.every((position, i) => i === 0 || position > recorder.checkpoints[i - 1]),
      );
    } finally {
      await subscription.stop();
    }
  });

  it('given a large backlog, when catching up, then batches are full pages of maxBatchSize', async () => {
    const prefix = uniqueStreamId('backlog');
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.appendToStream(`${prefix}-${i}`, [testEvent('A', {}), testEvent('B', {})]),
      ),
    );
    const recorder = new SubscriptionRecorder();
    const subscription = store.subscribeToAll(
      { filter: { streamPrefixes: [prefix] }, maxBatchSize: 20 },
      recorder.handler(),
    );
    try {
      await waitFor(() => subscription.caughtUp, 'catch-up');
      assert.deepEqual(
        recorder.batches.map((batch) => batch.length),
        [20, 20, 10],
      );
    } finally {
      await subscription.stop();
    }
  });

  it('given a stream prefix with unicode and LIKE wildcards, when filtering, then it matches literally', async () => {
    const prefix = `${uniqueStreamId('gilde')}-ü%_`;
    await store.appendToStream(`${prefix}1`, [testEvent('Match', {})]);
    await store.appendToStream(`${prefix.slice(0, -2)}xy1`, [testEvent('NoMatch', {})]);
    const recorder = new SubscriptionRecorder();
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }, recorder.handler());
    try {
      await waitFor(() => subscription.caughtUp, 'catch-up');
      assert.deepEqual(
        recorder.events.map((event) => event.type),
        ['Match'],
      );
    } finally {
      await subscription.stop();
    }
  });

  it('given a subscription that failed, when the store keeps running, then it is removed and others still deliver', async () => {
    const prefix = uniqueStreamId('isolate');
    const failing = new SubscriptionRecorder();
    const healthy = new SubscriptionRecorder();
    const broken = store.subscribeToAll(
      { filter: { streamPrefixes: [prefix] } },
      failing.handler(() => {
        throw new Error('boom');
      }),
    );
    const working = store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }, healthy.handler());
    try {
      await store.appendToStream(`${prefix}-s`, [testEvent('One', {})]);
      await waitFor(() => failing.errors.length === 1, 'failure');
      await store.appendToStream(`${prefix}-s`, [testEvent('Two', {})]);
      await waitFor(() => healthy.events.length === 2, 'both events on the healthy subscription');
      assert.equal(failing.events.length, 1);
      assert.equal(broken.lastPosition, undefined, 'a failed batch is not counted as delivered');
    } finally {
      await broken.stop();
      await working.stop();
    }
  });
});
