import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyConflictError } from '../../errors';
import type { EventStore } from '../../event-store.port';
import { testEvent, uniqueStreamId, useStore, type OpenEventStore } from '../fixtures';

/** Reads the stream's revision and appends at it, retrying on conflict, as a command handler would. */
async function appendWithRetry(store: EventStore, streamId: string, writer: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const last = (await store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))[0];
    try {
      const result = await store.appendToStream(streamId, [testEvent('Written', { writer })], {
        expectedRevision: last ? last.revision : 'no_stream',
      });
      return result.nextRevision;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= 200) throw error;
    }
  }
}

export function concurrencyContract(open: OpenEventStore): void {
  describe('concurrent appends', () => {
    const store = useStore(open);

    it('given many writers expecting the same revision, when they append at once, then exactly one wins', async () => {
      const streamId = uniqueStreamId('race');
      await store().appendToStream(streamId, [testEvent('Created', {})]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, writer) =>
          store().appendToStream(streamId, [testEvent('Raced', { writer })], { expectedRevision: 0 }),
        ),
      );
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
      assert.equal(winners.length, 1);
      assert.ok(losers.every((outcome) => outcome.reason instanceof ConcurrencyConflictError));
      assert.equal((await store().readStream(streamId)).length, 2);
    });

    it('given writers that retry on conflict, when they race on one stream, then each revision has exactly one winner', async () => {
      const streamId = uniqueStreamId('race');
      const writers = 10;
      const revisions = await Promise.all(
        Array.from({ length: writers }, (_, writer) => appendWithRetry(store(), streamId, writer)),
      );
      const stored = await store().readStream(streamId);
      assert.deepEqual(
        [...revisions].sort((a, b) => a - b),
        Array.from({ length: writers }, (_, i) => i),
      );
      assert.deepEqual(
        stored.map((event) => event.revision),
        Array.from({ length: writers }, (_, i) => i),
      );
      const writersStored = stored.map((event) => (event.data as { writer: number }).writer);
      assert.equal(new Set(writersStored).size, writers, 'every writer landed exactly once');
    });

    it('given appends to many streams at once, when they all succeed, then every event has its own position', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          store().appendToStream(uniqueStreamId('fan'), [testEvent('A', {}), testEvent('B', {})], {
            expectedRevision: 'no_stream',
          }),
        ),
      );
      assert.ok(results.every((result) => result.nextRevision === 1));
      const positions = results.map((result) => result.position);
      assert.equal(new Set(positions).size, positions.length);
    });
  });
}
