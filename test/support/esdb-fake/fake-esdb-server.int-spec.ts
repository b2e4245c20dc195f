import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  UnavailableError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { startFakeEsdb, type FakeEsdbServer } from './index';

// Protocol-level checks with the real client, so the fake's rules are pinned down independently of the adapter.

async function withClient(test: (client: EventStoreDBClient, server: FakeEsdbServer) => Promise<void>) {
  const server = await startFakeEsdb();
  const client = EventStoreDBClient.connectionString(server.url);
  try {
    await test(client, server);
  } finally {
    await client.dispose();
    await server.stop();
  }
}

const event = (id = randomUUID()) => jsonEvent({ id, type: 'Happened', data: { id } });

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

describe('Fake EventStoreDB server, spoken to by @eventstore/db-client', () => {
  it('given an append, when retried with the same ids at the same expected revision, then it succeeds without writing', () =>
    withClient(async (client) => {
      const batch = [event(), event()];
      const first = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
      const retry = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
      assert.deepEqual(retry, first);
      assert.equal((await collect(client.readStream('s'))).length, 2);
    }));

  it('given an append, when different ids are sent at a stale revision, then WrongExpectedVersion names the current revision', () =>
    withClient(async (client) => {
      await client.appendToStream('s', [event(), event()]);
      await assert.rejects(client.appendToStream('s', [event()], { expectedRevision: 0n }), (error) => {
        assert.ok(error instanceof WrongExpectedVersionError);
        assert.equal(error.actualVersion, 1n);
        assert.equal(error.expectedVersion, 0n);
        return true;
      });
    }));

  it('given an append with expectation any, when only some ids were written before, then it is refused as corrupted idempotency', () =>
    withClient(async (client) => {
      const written = event();
      await client.appendToStream('s', [written]);
      await assert.rejects(client.appendToStream('s', [written, event()]), WrongExpectedVersionError);
    }));

  it('given appends, then positions increase but are not contiguous, and $all reads forwards inclusively', () =>
    withClient(async (client) => {
      await client.appendToStream('a', [event(), event()]);
      await client.appendToStream('b', [event()]);
      const all = (await collect(client.readAll())).filter(
        (resolved) => !resolved.event?.streamId.startsWith('$'),
      );
      const positions = all.map((resolved) => resolved.event!.position.commit);
      assert.ok(positions.every((position, i) => i === 0 || position > positions[i - 1]! + 1n));
      const from = all[1]!.event!.position;
      const page = await collect(client.readAll({ fromPosition: from, maxCount: 1 }));
      assert.equal(page[0]!.event!.id, all[1]!.event!.id, 'inclusive of the starting position');
      const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
      assert.equal(last[0]!.event!.streamId, 'b');
    }));

  it('given a position inside a record, when reading or subscribing to $all from it, then the server refuses it', () =>
    withClient(async (client) => {
      await client.appendToStream('s', [event(), event()]);
      const [, second] = await collect(client.readStream('s'));
      const inside = {
        commit: second!.event!.position!.commit - 1n,
        prepare: second!.event!.position!.prepare - 1n,
      };
      await assert.rejects(collect(client.readAll({ fromPosition: inside })), /invalid position/);
      const subscription = client.subscribeToAll({ fromPosition: inside });
      const failed = await new Promise<Error>((resolve) => subscription.once('error', resolve));
      assert.match(failed.message, /invalid position/);
      const fromRecord = await collect(client.readAll({ fromPosition: second!.event!.position }));
      assert.equal(fromRecord[0]!.event!.id, second!.event!.id, 'a record position still reads');
    }));

  it('given a filtered subscription from a position, then it starts strictly after it, checkpoints, catches up and drops on demand', () =>
    withClient(async (client, server) => {
      await client.appendToStream('s', [event(), event()]);
      const [, second] = await collect(client.readStream('s'));
      const checkpoints: bigint[] = [];
      const received: AllStreamResolvedEvent[] = [];
      const subscription = client.subscribeToAll({
        fromPosition: START,
        filter: eventTypeFilter({
          prefixes: ['Happened'],
          checkpointReached: (_sub, position) => void checkpoints.push(position.commit),
        }),
      });
      const caughtUp = new Promise((resolve) => subscription.once('caughtUp', resolve));
      const failed = new Promise((resolve) => subscription.once('error', resolve));
      subscription.on('data', (resolved: AllStreamResolvedEvent) => received.push(resolved));
      await caughtUp;
      assert.equal(received.length, 2);
      assert.deepEqual(checkpoints, [second!.event!.position!.commit]);
      assert.equal(server.dropSubscriptions(), 1);
      assert.ok((await failed) instanceof UnavailableError);

      const later = client.subscribeToAll({ fromPosition: second!.event!.position });
      const live = new Promise<AllStreamResolvedEvent>((resolve) => later.once('data', resolve));
      const appended = event();
      await client.appendToStream('s', [appended]);
      assert.equal((await live).event?.id, appended.id, 'nothing at or before the starting position');
      await later.unsubscribe();
    }));

  it('given a discovery connection string, when the client connects, then gossip names this node as leader and calls reach it', async () => {
    const server = await startFakeEsdb();
    const client = EventStoreDBClient.connectionString(server.discoverUrl);
    try {
      const result = await client.appendToStream('s', [event()]);
      assert.equal(result.nextExpectedRevision, 0n);
    } finally {
      await client.dispose();
      await server.stop();
    }
  });
});
