import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeEsdb, systemEvent, type FakeEsdbServer } from '#test/support/esdb-fake/index';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '../errors';
import { eventStoreContract } from '../testing/event-store.contract';
import { testEvent, uniqueStreamId } from '../testing/fixtures';
import { EsdbEventStore } from './esdb-event-store';

eventStoreContract('EventStoreDB (fake gRPC server)', async () => {
  const server = await startFakeEsdb();
  const store = EsdbEventStore.fromConnectionString(server.url);
  return {
    store,
    dispose: async () => {
      await store.close();
      await server.stop();
    },
  };
});

const realServer = process.env.EVENTSTORE_URL;
if (realServer) {
  eventStoreContract(`EventStoreDB (${realServer})`, async () => {
    const store = EsdbEventStore.fromConnectionString(realServer);
    return { store, dispose: () => store.close() };
  });
}

async function withFake(
  test: (server: FakeEsdbServer, store: EsdbEventStore) => Promise<void>,
): Promise<void> {
  const server = await startFakeEsdb();
  const store = EsdbEventStore.fromConnectionString(server.url, { pingTimeoutMs: 2_000 });
  try {
    await test(server, store);
  } finally {
    await store.close();
    await server.stop();
  }
}

describe('EsdbEventStore against the fake server', () => {
  it('given a stream at revision 0, when appending at a stale revision, then the WrongExpectedVersion becomes a ConcurrencyConflictError with the actual revision', () =>
    withFake(async (_server, store) => {
      const streamId = uniqueStreamId('wev');
      await store.appendToStream(streamId, [testEvent('Created', {})]);
      await store.appendToStream(streamId, [testEvent('Renamed', {})], { expectedRevision: 0 });
      const error = await store
        .appendToStream(streamId, [testEvent('Renamed', {})], { expectedRevision: 0 })
        .then(
          () => assert.fail('the append should conflict'),
          (caught: unknown) => caught,
        );
      assert.ok(error instanceof ConcurrencyConflictError);
      assert.deepEqual([error.streamId, error.expected, error.actual], [streamId, 0, 1]);
    }));

  it('given a stream at revision 1, when appending no events, then the expectation is still checked and nothing is written', () =>
    withFake(async (_server, store) => {
      const streamId = uniqueStreamId('empty');
      const written = await store.appendToStream(streamId, [testEvent('A', {}), testEvent('B', {})]);
      assert.deepEqual(await store.appendToStream(streamId, [], { expectedRevision: 1 }), written);
      assert.deepEqual(await store.appendToStream(uniqueStreamId('none'), []), {
        nextRevision: -1,
        position: -1,
      });
      await assert.rejects(
        store.appendToStream(streamId, [], { expectedRevision: 'no_stream' }),
        ConcurrencyConflictError,
      );
      assert.equal((await store.readStream(streamId)).length, 2);
    }));

  it('given a running store, when the server stops, then ping throws EventStoreUnavailableError', () =>
    withFake(async (server, store) => {
      await store.ping();
      await server.stop();
      await assert.rejects(store.ping(), EventStoreUnavailableError);
      await assert.rejects(store.readStream('any-stream'), EventStoreUnavailableError);
    }));

  it('given system events in $all, when reading and asking for the head, then only our events count', () =>
    withFake(async (server, store) => {
      assert.equal(await store.headPosition(), -1, 'a log with only system events is empty to us');
      const mine = await store.appendToStream(uniqueStreamId('sys'), [testEvent('Ours', {})]);
      server.log.append('$stats-127.0.0.1:2113', { kind: 'any' }, [systemEvent('$statsCollected')]);
      assert.equal(await store.headPosition(), mine.position);
      const all = await store.readAll();
      assert.deepEqual(
        all.map((event) => event.type),
        ['Ours'],
      );
    }));

  it('given a connection string without keepalive, when connecting, then keepalive is added and the store works', () =>
    withFake(async (server) => {
      const store = EsdbEventStore.fromConnectionString(`${server.url}&keepAliveInterval=15000`);
      try {
        const result = await store.appendToStream(uniqueStreamId('ka'), [testEvent('A', {})]);
        assert.ok(result.position > 0);
      } finally {
        await store.close();
      }
    }));
});
