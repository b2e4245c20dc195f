import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { eventStoreContract } from '../testing/event-store.contract';
import { SubscriptionRecorder, testEvent, uniqueStreamId, waitFor } from '../testing/fixtures';
import { SqliteEventStore } from './sqlite-event-store';

async function tempFile(): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-events-'));
  return { file: join(dir, 'events.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

eventStoreContract('SQLite', async () => {
  const { file, remove } = await tempFile();
  const store = new SqliteEventStore({ file });
  return {
    store,
    dispose: async () => {
      await store.close();
      await remove();
    },
  };
});

describe('SqliteEventStore on a file', () => {
  it('given a new file, when opened, then it is empty, in WAL mode, and a subscription catches up at once', async () => {
    const { file, remove } = await tempFile();
    const store = new SqliteEventStore({ file });
    try {
      assert.equal(await store.headPosition(), -1);
      assert.deepEqual(await store.readAll(), []);
      const recorder = new SubscriptionRecorder();
      const subscription = store.subscribeToAll({}, recorder.handler());
      await waitFor(() => subscription.caughtUp, 'catch-up');
      assert.deepEqual(recorder.events, []);
      assert.equal(subscription.lastPosition, undefined);
      await subscription.stop();
      const probe = new DatabaseSync(file);
      assert.deepEqual({ ...probe.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'wal' });
      probe.close();
    } finally {
      await store.close();
      await remove();
    }
  });

  it('given two stores on one file, when the second appends, then the first one’s live subscription receives it', async () => {
    const { file, remove } = await tempFile();
    const server = new SqliteEventStore({ file });
    const cli = new SqliteEventStore({ file, pollIntervalMs: 20 });
    try {
      const prefix = uniqueStreamId('cross');
      const mine = await server.appendToStream(`${prefix}-a`, [testEvent('FromServer', {})]);
      const recorder = new SubscriptionRecorder();
      const subscription = server.subscribeToAll(
        { filter: { streamPrefixes: [prefix] } },
        recorder.handler(),
      );
      await waitFor(() => subscription.caughtUp, 'catch-up');
      const theirs = await cli.appendToStream(`${prefix}-a`, [testEvent('FromCli', {})], {
        expectedRevision: 0,
      });
      await waitFor(() => recorder.events.length === 2, 'the other process’s event');
      assert.deepEqual(
        recorder.events.map((event) => event.type),
        ['FromServer', 'FromCli'],
      );
      assert.equal(theirs.position, mine.position + 1, 'positions continue across processes');
      await subscription.stop();
    } finally {
      await cli.close();
      await server.close();
      await remove();
    }
  });

  it('given acknowledged appends, when the store is closed and reopened, then every event is still there', async () => {
    const { file, remove } = await tempFile();
    const streams = Array.from({ length: 20 }, () => uniqueStreamId('durable'));
    const first = new SqliteEventStore({ file });
    const results = await Promise.all(
      streams.map((streamId) =>
        first.appendToStream(streamId, [testEvent('A', {}), testEvent('B', { n: 1 })]),
      ),
    );
    const pending = first.appendToStream(streams[0], [testEvent('C', {})]);
    await first.close();
    assert.equal((await pending).nextRevision, 2, 'an append accepted before close is committed');
    const reopened = new SqliteEventStore({ file });
    try {
      const all = await reopened.readAll();
      assert.equal(all.length, 41);
      for (const [i, streamId] of streams.entries()) {
        const events = await reopened.readStream(streamId);
        assert.equal(events[1].position, results[i].position);
        assert.deepEqual(events[1].data, { n: 1 });
      }
      assert.equal(await reopened.headPosition(), 40);
    } finally {
      await reopened.close();
      await remove();
    }
  });

  it('given a closed store, when used, then every call fails as unavailable', async () => {
    const { file, remove } = await tempFile();
    const store = new SqliteEventStore({ file });
    await store.close();
    await assert.rejects(store.appendToStream('s', [testEvent('A', {})]), {
      name: 'EventStoreUnavailableError',
    });
    await assert.rejects(store.readStream('s'), { name: 'EventStoreUnavailableError' });
    await assert.rejects(store.headPosition(), { name: 'EventStoreUnavailableError' });
    assert.throws(() => store.subscribeToAll({}, { onEvents: () => {} }), {
      name: 'EventStoreUnavailableError',
    });
    await remove();
  });
});
