import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEvent, uniqueStreamId, useStore, type OpenEventStore } from '../fixtures';

// Nothing is asserted about $all: EventStoreDB keeps truncated events there until a scavenge.
export function truncateContract(open: OpenEventStore): void {
  describe('truncateStreamBefore', () => {
    const store = useStore(open);
    const revisionsOf = (events: readonly { revision: number }[]) => events.map((event) => event.revision);

    async function streamOf(count: number): Promise<string> {
      const streamId = uniqueStreamId('truncate');
      const events = Array.from({ length: count }, (_, n) => testEvent('Numbered', { n }));
      await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      return streamId;
    }

    it('given five events, when truncated before 3, then reads either way start at revision 3', async () => {
      const streamId = await streamOf(5);

      await store().truncateStreamBefore(streamId, 3);

      assert.deepEqual(revisionsOf(await store().readStream(streamId)), [3, 4]);
      assert.deepEqual(revisionsOf(await store().readStream(streamId, { fromRevision: 1 })), [3, 4]);
      const backwards = await store().readStream(streamId, { direction: 'backwards' });
      assert.deepEqual(revisionsOf(backwards), [4, 3]);
    });

    it('given a truncated stream, when appended at the exact expected revision, then revisions continue', async () => {
      const streamId = await streamOf(5);
      await store().truncateStreamBefore(streamId, 3);

      const result = await store().appendToStream(streamId, [testEvent('Numbered', { n: 5 })], {
        expectedRevision: 4,
      });

      assert.equal(result.nextRevision, 5);
      assert.deepEqual(revisionsOf(await store().readStream(streamId)), [3, 4, 5]);
    });

    it('given a stream truncated past its last event, when read and appended to, then it is empty and continues', async () => {
      const streamId = await streamOf(3);

      await store().truncateStreamBefore(streamId, 3);

      assert.deepEqual(await store().readStream(streamId), []);
      assert.deepEqual(await store().readStream(streamId, { direction: 'backwards' }), []);
      const result = await store().appendToStream(streamId, [testEvent('Numbered', { n: 3 })], {
        expectedRevision: 2,
      });
      assert.equal(result.nextRevision, 3);
      assert.deepEqual(revisionsOf(await store().readStream(streamId)), [3]);
    });

    it('given a missing stream, when truncated, then nothing fails and the stream can still be created', async () => {
      const streamId = uniqueStreamId('truncate-missing');

      await store().truncateStreamBefore(streamId, 5);

      assert.deepEqual(await store().readStream(streamId), []);
      const result = await store().appendToStream(streamId, [testEvent('Numbered', { n: 0 })], {
        expectedRevision: 'no_stream',
      });
      assert.equal(result.nextRevision, 0);
      assert.deepEqual(revisionsOf(await store().readStream(streamId)), [0]);
    });
  });
}
