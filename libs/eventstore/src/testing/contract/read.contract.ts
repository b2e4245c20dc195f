import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEvent, uniqueStreamId, useStore, type OpenEventStore } from '../fixtures';

export function readContract(open: OpenEventStore): void {
  describe('readStream, readAll, headPosition and ping', () => {
    const store = useStore(open);

    /** A stream of five events at revisions 0..4 whose data records the revision. */
    async function fiveEventStream(): Promise<string> {
      const streamId = uniqueStreamId('read');
      const events = [0, 1, 2, 3, 4].map((n) => testEvent('Numbered', { n }));
      await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      return streamId;
    }
    const revisionsOf = (events: readonly { revision: number }[]) => events.map((event) => event.revision);

    it('given a stream, when read forwards, then every event comes in revision order', async () => {
      const streamId = await fiveEventStream();
      const events = await store().readStream(streamId);
      assert.deepEqual(revisionsOf(events), [0, 1, 2, 3, 4]);
      assert.deepEqual(
        events.map((event) => (event.data as { n: number }).n),
        [0, 1, 2, 3, 4],
      );
      assert.ok(events.every((event, i) => i === 0 || event.position > events[i - 1].position));
    });

    it('given a stream, when read forwards from a revision with a max count, then the range is inclusive', async () => {
      const streamId = await fiveEventStream();
      assert.deepEqual(revisionsOf(await store().readStream(streamId, { fromRevision: 2 })), [2, 3, 4]);
      assert.deepEqual(revisionsOf(await store().readStream(streamId, { maxCount: 2 })), [0, 1]);
      assert.deepEqual(
        revisionsOf(await store().readStream(streamId, { fromRevision: 1, maxCount: 3 })),
        [1, 2, 3],
      );
      assert.deepEqual(await store().readStream(streamId, { fromRevision: 5 }), []);
    });

    it('given a stream, when read backwards, then it starts at the end or at fromRevision, inclusive', async () => {
      const streamId = await fiveEventStream();
      const backwards = { direction: 'backwards' } as const;
      assert.deepEqual(revisionsOf(await store().readStream(streamId, backwards)), [4, 3, 2, 1, 0]);
      assert.deepEqual(
        revisionsOf(await store().readStream(streamId, { ...backwards, fromRevision: 2 })),
        [2, 1, 0],
      );
      assert.deepEqual(
        revisionsOf(await store().readStream(streamId, { ...backwards, maxCount: 2 })),
        [4, 3],
      );
      assert.deepEqual(
        revisionsOf(await store().readStream(streamId, { ...backwards, fromRevision: 3, maxCount: 2 })),
        [3, 2],
      );
    });

    it('given a stream that does not exist, when read either way, then the result is empty', async () => {
      const streamId = uniqueStreamId('missing');
      assert.deepEqual(await store().readStream(streamId), []);
      assert.deepEqual(await store().readStream(streamId, { direction: 'backwards' }), []);
    });

    it('given appends to two streams, when reading $all after a position, then it is exclusive and in global order', async () => {
      const [a, b] = [uniqueStreamId('all'), uniqueStreamId('all')];
      const first = await store().appendToStream(a, [testEvent('A0', {})]);
      await store().appendToStream(b, [testEvent('B0', {}), testEvent('B1', {})]);
      await store().appendToStream(a, [testEvent('A1', {})]);
      const all = await store().readAll({ after: first.position });
      const ours = all.filter((event) => event.streamId === a || event.streamId === b);
      assert.deepEqual(
        ours.map((event) => event.type),
        ['B0', 'B1', 'A1'],
      );
      assert.ok(
        all.every((event) => event.position > first.position),
        'after is exclusive',
      );
      assert.ok(
        all.every((event, i) => i === 0 || event.position > all[i - 1].position),
        'global order',
      );
    });

    it('given events in $all, when reading with a max count, then at most that many come back', async () => {
      const streamId = uniqueStreamId('all');
      const first = await store().appendToStream(streamId, [testEvent('A', {})]);
      await store().appendToStream(streamId, [testEvent('B', {}), testEvent('C', {})]);
      const page = await store().readAll({ after: first.position, maxCount: 1 });
      assert.equal(page.length, 1);
      assert.ok(page[0].position > first.position);
      const fromStart = await store().readAll({ maxCount: 1 });
      assert.equal(fromStart.length, 1);
      assert.ok(fromStart[0].position <= first.position, 'omitting after reads from the beginning');
    });

    it('given positions in any order, with repeats and holes, when read by position, then each event once in global order', async () => {
      const [a, b] = [uniqueStreamId('pos'), uniqueStreamId('pos')];
      await store().appendToStream(a, [testEvent('A0', {}), testEvent('A1', {})]);
      await store().appendToStream(b, [testEvent('B0', {})]);
      await store().appendToStream(a, [testEvent('A2', {})]);
      const [a0, a1, a2] = await store().readStream(a);
      const [b0] = await store().readStream(b);
      const head = await store().headPosition();
      const read = await store().readPositions([
        a2.position,
        a0.position,
        b0.position,
        a0.position,
        head + 1000,
      ]);
      assert.deepEqual(
        read.map((event) => event.id),
        [a0.id, b0.id, a2.id],
      );
      assert.deepEqual(read[1], b0, 'the same envelope as a stream read');
      assert.ok(!read.some((event) => event.id === a1.id), 'a position not asked for stays out');
      assert.deepEqual(await store().readPositions([]), []);
    });

    it('given an append, when asking for the head position, then it is at least that append and moves forward', async () => {
      const streamId = uniqueStreamId('head');
      const first = await store().appendToStream(streamId, [testEvent('A', {})]);
      const headAfterFirst = await store().headPosition();
      assert.ok(headAfterFirst >= first.position);
      const second = await store().appendToStream(streamId, [testEvent('B', {})]);
      const headAfterSecond = await store().headPosition();
      assert.ok(headAfterSecond >= second.position);
      assert.ok(headAfterSecond > headAfterFirst);
    });

    it('given an open store, when pinged, then it answers', async () => {
      await assert.doesNotReject(store().ping());
    });
  });
}
