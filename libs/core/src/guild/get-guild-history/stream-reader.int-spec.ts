import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '#eventstore';
import { testEvent } from '#eventstore/testing/index';
import { mergedAfter } from './stream-reader';

describe('merged history streams on SQLite', () => {
  let dir: string;
  let store: SqliteEventStore;
  const collect = async (after: number, streams = ['a-1', 'b-1']) => {
    const out: RecordedEvent[] = [];
    for await (const event of mergedAfter(store, streams, after)) out.push(event);
    return out;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guildhall-history-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    // Interleaved writes to two streams, with an unrelated stream in between.
    for (let i = 0; i < 40; i++) {
      const stream = i % 3 === 0 ? 'b-1' : i % 7 === 0 ? 'other' : 'a-1';
      await store.appendToStream(stream, [testEvent('Happened', { i })]);
    }
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given two streams, then their events come in global order, and only theirs', async () => {
    const events = await collect(-1);
    const positions = events.map((e) => e.position);
    assert.deepEqual(
      positions,
      [...positions].sort((x, y) => x - y),
    );
    assert.ok(events.every((e) => e.streamId === 'a-1' || e.streamId === 'b-1'));
    const all = (await store.readAll()).filter((e) => e.streamId !== 'other');
    assert.deepEqual(
      positions,
      all.map((e) => e.position),
    );
  });

  it('given any cursor, then reading resumes right after it, in either stream', async () => {
    const events = await collect(-1);
    for (const [index, event] of events.entries()) {
      const rest = await collect(event.position);
      assert.deepEqual(
        rest.map((e) => e.id),
        events.slice(index + 1).map((e) => e.id),
        `after position ${event.position}`,
      );
    }
  });

  it('given a cursor past the end, or a stream that does not exist, then nothing more', async () => {
    const head = await store.headPosition();
    assert.deepEqual(await collect(head), []);
    assert.deepEqual(await collect(-1, ['missing-1']), []);
  });
});
