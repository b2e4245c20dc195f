import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyConflictError } from './errors';
import { ObservedEventStore, type AppendObserver, type AppendOutcome } from './observed-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { eventStoreContract } from './testing/event-store.contract';
import { testEvent, uniqueStreamId } from './testing/fixtures';

async function openSqlite() {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-observed-'));
  const inner = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  return { inner, remove: () => rm(dir, { recursive: true, force: true }) };
}

class Recorder implements AppendObserver {
  readonly seen: { events: number; seconds: number; outcome: AppendOutcome }[] = [];
  appended(events: number, seconds: number, outcome: AppendOutcome): void {
    this.seen.push({ events, seconds, outcome });
  }
}

// The decorator must change nothing a caller sees: the whole port contract runs through it.
eventStoreContract('SQLite, observed', async () => {
  const { inner, remove } = await openSqlite();
  const store = new ObservedEventStore(inner, new Recorder());
  return {
    store,
    dispose: async () => {
      await store.close();
      await remove();
    },
  };
});

describe('ObservedEventStore', () => {
  it('given appends that succeed and conflict, then each reports its size, duration and outcome', async () => {
    const { inner, remove } = await openSqlite();
    const recorder = new Recorder();
    // A clock that moves 5 ms between each reading: the durations come from it, not the wall.
    let ms = 0;
    const store = new ObservedEventStore(inner, recorder, () => (ms += 5));
    try {
      const stream = uniqueStreamId('observed');
      // when
      await store.appendToStream(stream, [testEvent('A', {}), testEvent('B', {}), testEvent('C', {})]);
      await assert.rejects(
        store.appendToStream(stream, [testEvent('D', {})], { expectedRevision: 0 }),
        ConcurrencyConflictError,
      );
      await store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 2 });
      // then
      assert.deepEqual(recorder.seen, [
        { events: 3, seconds: 0.005, outcome: 'appended' },
        { events: 1, seconds: 0.005, outcome: 'conflict' },
        { events: 1, seconds: 0.005, outcome: 'appended' },
      ]);
      assert.equal((await store.readStream(stream)).length, 4);
    } finally {
      await store.close();
      await remove();
    }
  });

  it('given a closed store, when an append fails, then it is reported as failed and still thrown', async () => {
    const { inner, remove } = await openSqlite();
    const recorder = new Recorder();
    const store = new ObservedEventStore(inner, recorder);
    await store.close();
    try {
      await assert.rejects(store.appendToStream(uniqueStreamId('observed'), [testEvent('A', {})]));
      assert.deepEqual(
        recorder.seen.map(({ events, outcome }) => ({ events, outcome })),
        [{ events: 1, outcome: 'failed' }],
      );
    } finally {
      await remove();
    }
  });
});
