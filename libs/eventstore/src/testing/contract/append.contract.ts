import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConcurrencyConflictError } from '../../errors';
import type { ExpectedRevision } from '../../event-store.port';
import { testEvent, uniqueStreamId, useStore, type OpenEventStore } from '../fixtures';

/** Asserts that `append` fails with a ConcurrencyConflictError carrying exactly these details. */
export async function assertConflict(
  append: Promise<unknown>,
  expected: { streamId: string; expected: ExpectedRevision; actual: number },
): Promise<void> {
  await assert.rejects(append, (error: unknown) => {
    assert.ok(
      error instanceof ConcurrencyConflictError,
      `expected a ConcurrencyConflictError, got ${String(error)}`,
    );
    assert.equal(error.streamId, expected.streamId);
    assert.equal(error.expected, expected.expected);
    assert.equal(error.actual, expected.actual);
    return true;
  });
}

export function appendContract(open: OpenEventStore): void {
  describe('appendToStream', () => {
    const store = useStore(open);

    /** A stream whose last event is at revision 1. */
    async function streamAtRevisionOne(): Promise<string> {
      const streamId = uniqueStreamId('append');
      await store().appendToStream(streamId, [testEvent('Created', {}), testEvent('Renamed', {})]);
      return streamId;
    }

    it('given a new stream, when appending with no_stream, then revisions start at 0 and the result names the last event', async () => {
      const streamId = uniqueStreamId('append');
      const result = await store().appendToStream(
        streamId,
        [testEvent('Created', { n: 1 }), testEvent('Renamed', { n: 2 })],
        { expectedRevision: 'no_stream' },
      );
      const stored = await store().readStream(streamId);
      assert.equal(result.nextRevision, 1);
      assert.deepEqual(
        stored.map((event) => event.revision),
        [0, 1],
      );
      assert.equal(result.position, stored[1].position);
      assert.ok(stored[0].position < stored[1].position, 'positions increase within one append');
    });

    it('given an existing stream, when appending with no_stream, then it conflicts at the actual revision', async () => {
      const streamId = await streamAtRevisionOne();
      await assertConflict(
        store().appendToStream(streamId, [testEvent('Created', {})], { expectedRevision: 'no_stream' }),
        { streamId, expected: 'no_stream', actual: 1 },
      );
      assert.equal((await store().readStream(streamId)).length, 2, 'the conflicting append wrote nothing');
    });

    it('given a missing stream, when appending with stream_exists, then it conflicts with actual -1', async () => {
      const streamId = uniqueStreamId('append');
      await assertConflict(
        store().appendToStream(streamId, [testEvent('Renamed', {})], { expectedRevision: 'stream_exists' }),
        { streamId, expected: 'stream_exists', actual: -1 },
      );
      assert.deepEqual(await store().readStream(streamId), []);
    });

    it('given an existing stream, when appending with stream_exists, then it appends after the last event', async () => {
      const streamId = await streamAtRevisionOne();
      const result = await store().appendToStream(streamId, [testEvent('Renamed', {})], {
        expectedRevision: 'stream_exists',
      });
      assert.equal(result.nextRevision, 2);
    });

    it('given a stream at revision 1, when appending at exactly 1, then the new events follow it', async () => {
      const streamId = await streamAtRevisionOne();
      const result = await store().appendToStream(streamId, [testEvent('A', {}), testEvent('B', {})], {
        expectedRevision: 1,
      });
      assert.equal(result.nextRevision, 3);
      const stored = await store().readStream(streamId);
      assert.equal(stored.at(-1)?.position, result.position);
    });

    it('given a stream at revision 1, when appending at a stale or future revision, then it conflicts at 1', async () => {
      const streamId = await streamAtRevisionOne();
      for (const expectedRevision of [0, 2, 7]) {
        await assertConflict(store().appendToStream(streamId, [testEvent('A', {})], { expectedRevision }), {
          streamId,
          expected: expectedRevision,
          actual: 1,
        });
      }
      assert.equal((await store().readStream(streamId)).length, 2);
    });

    it('given a missing stream, when appending at exactly 0, then it conflicts with actual -1', async () => {
      const streamId = uniqueStreamId('append');
      await assertConflict(store().appendToStream(streamId, [testEvent('A', {})], { expectedRevision: 0 }), {
        streamId,
        expected: 0,
        actual: -1,
      });
    });

    it('given any stream, when appending with any or no expectation, then it always appends', async () => {
      const streamId = uniqueStreamId('append');
      const first = await store().appendToStream(streamId, [testEvent('A', {})], { expectedRevision: 'any' });
      const second = await store().appendToStream(streamId, [testEvent('B', {})]);
      assert.equal(first.nextRevision, 0);
      assert.equal(second.nextRevision, 1);
      assert.ok(second.position > first.position);
    });

    it('given appends to several streams in turn, then global positions strictly increase across streams', async () => {
      const [a, b] = [uniqueStreamId('append'), uniqueStreamId('append')];
      const results = [];
      for (const streamId of [a, b, a, b, a]) {
        results.push(await store().appendToStream(streamId, [testEvent('Tick', {}), testEvent('Tock', {})]));
      }
      for (let i = 1; i < results.length; i++) {
        assert.ok(results[i].position > results[i - 1].position, `append ${i} got a later position`);
      }
      const stored = [...(await store().readStream(a)), ...(await store().readStream(b))];
      const positions = stored.map((event) => event.position);
      assert.equal(new Set(positions).size, positions.length, 'no two events share a position');
      assert.deepEqual(
        (await store().readStream(a)).map((event) => event.revision),
        [0, 1, 2, 3, 4, 5],
      );
    });
  });
}
