import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent, uniqueStreamId, waitFor } from '../testing/fixtures';
import { SqliteEventStore } from './sqlite-event-store';

describe('WAL checkpoints in a worker thread', () => {
  it('given commits that never checkpoint inline, when the worker runs, then pages reach the database file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guildhall-checkpoint-'));
    const file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    try {
      const emptySize = (await stat(file)).size;
      await Promise.all(
        Array.from({ length: 50 }, () =>
          store.appendToStream(
            uniqueStreamId('ckpt'),
            Array.from({ length: 20 }, () => testEvent('Filler', { text: 'x'.repeat(200) })),
          ),
        ),
      );
      let size = emptySize;
      const watch = setInterval(async () => (size = (await stat(file)).size), 20);
      try {
        await waitFor(() => size > emptySize + 100_000, 'checkpointed pages in the database file', 5_000);
      } finally {
        clearInterval(watch);
      }
      assert.ok(size > emptySize);
    } finally {
      await store.close();
    }
    const reopened = new SqliteEventStore({ file });
    try {
      assert.equal((await reopened.readAll()).length, 1_000);
    } finally {
      await reopened.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
