import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NewEvent, RecordedEvent } from '../../envelope';
import type { EventStore } from '../../event-store.port';
import { testEvent, uniqueStreamId, useStore, type OpenEventStore } from '../fixtures';

const sameIds = (events: readonly NewEvent[]): string[] => events.map((event) => event.id);

/** What a caller gave the store, as it should come back. */
const written = (event: RecordedEvent | NewEvent) => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

/**
 * A position the store handed out just before the test's own events. Reading `$all` after it needs no
 * arithmetic on positions, which would not name a record on EventStoreDB (it refuses such reads).
 */
async function positionBefore(store: EventStore): Promise<number> {
  return (await store.appendToStream(uniqueStreamId('anchor'), [testEvent('Anchor', {})])).position;
}

export function idempotencyContract(open: OpenEventStore): void {
  describe('idempotent appends and round-trips', () => {
    const store = useStore(open);

    it('given an append that succeeded, when retried with the same ids and expectation, then it returns the original result and writes nothing', async () => {
      const streamId = uniqueStreamId('idem');
      await store().appendToStream(streamId, [testEvent('Created', {})]);
      const batch = [testEvent('A', { n: 1 }), testEvent('B', { n: 2 })];
      const original = await store().appendToStream(streamId, batch, { expectedRevision: 0 });
      const retried = await store().appendToStream(streamId, batch, { expectedRevision: 0 });
      assert.deepEqual(retried, original);
      const stored = await store().readStream(streamId);
      assert.deepEqual(
        stored.map((event) => event.id),
        [stored[0].id, ...sameIds(batch)],
      );
    });

    it('given a no_stream append that succeeded, when retried, then it returns the original result', async () => {
      const streamId = uniqueStreamId('idem');
      const batch = [testEvent('Created', {})];
      const original = await store().appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
      const retried = await store().appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
      assert.deepEqual(retried, original);
      assert.equal((await store().readStream(streamId)).length, 1);
    });

    it('given an append that succeeded, when retried with expectation any, then nothing is written twice', async () => {
      const streamId = uniqueStreamId('idem');
      const batch = [testEvent('A', {}), testEvent('B', {}), testEvent('C', {})];
      const before = await positionBefore(store());
      const original = await store().appendToStream(streamId, batch, { expectedRevision: 'any' });
      const retried = await store().appendToStream(streamId, batch, { expectedRevision: 'any' });
      assert.equal(retried.nextRevision, original.nextRevision);
      assert.deepEqual(
        (await store().readStream(streamId)).map((event) => event.id),
        sameIds(batch),
      );
      const inAll = (await store().readAll({ after: before })).filter((event) => event.streamId === streamId);
      assert.deepEqual(
        inAll.map((event) => event.id),
        sameIds(batch),
        '$all carries each event once, not the retried ones again',
      );
    });

    it('given data and metadata with nesting, unicode and nulls, when read back every way, then they are exactly what was written', async () => {
      const streamId = uniqueStreamId('roundtrip');
      const events = [
        testEvent(
          'SettingsChanged',
          {
            guildId: '123456789012345678',
            changes: {
              prefix: '¡ñ',
              welcomeChannelId: null,
              autoMod: { enabled: true, wordFilter: ['a', 'ß'] },
            },
            text: 'Grüße 👋🏽 日本語 עברית e\u0301 "quoted" \\ back\nline\ttab',
            numbers: [0, -1, 3.25, 1e21, Number.MAX_SAFE_INTEGER],
            empty: { object: {}, array: [], string: '' },
            nothing: null,
          },
          { schemaVersion: 3 },
        ),
        testEvent('MemberJoined', null, {
          metadata: {
            causationId: 'a0f2c3d4-0000-4000-8000-000000000001',
            actor: { kind: 'discord-user', id: '998877665544332211' },
            door: 'discord',
            occurredAt: '2026-02-03T04:05:06.789Z',
          },
        }),
        testEvent('KeyIssued', [1, 'two', { three: [3] }], {
          metadata: { actor: { kind: 'apikey', id: 'key_ÿ' }, door: 'rest' },
        }),
      ];
      const before = await positionBefore(store());
      const result = await store().appendToStream(streamId, events, { expectedRevision: 'no_stream' });
      const fromStream = await store().readStream(streamId);
      const fromAll = (await store().readAll({ after: before, maxCount: 100 })).filter(
        (event) => event.streamId === streamId,
      );
      assert.deepEqual(fromStream.map(written), events.map(written));
      assert.deepEqual(fromAll.map(written), events.map(written));
      assert.deepEqual(fromAll, fromStream, 'both reads return the same recorded events');
      for (const event of fromStream) {
        assert.equal(event.streamId, streamId);
        assert.ok(!Number.isNaN(Date.parse(event.recordedAt)), `recordedAt ${event.recordedAt} is a date`);
      }
      assert.equal(fromStream[2].position, result.position);
    });
  });
}
