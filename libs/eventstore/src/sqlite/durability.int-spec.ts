import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from './schema';
import { SqliteEventStore } from './sqlite-event-store';
import type { SqliteDurability } from './sqlite-options';

async function withDir(test: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-durability-'));
  try {
    await test(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const MODES: readonly { durability: SqliteDurability; synchronous: number }[] = [
  { durability: 'full', synchronous: 2 },
  { durability: 'normal', synchronous: 1 },
];

/** Acknowledges appends one by one, then dies by SIGKILL: no close, no exit handlers, no checkpoint. */
const CHILD_APPEND_THEN_KILL = `
const { SqliteEventStore } = require(process.argv[1]);
const store = new SqliteEventStore({ file: process.argv[2], durability: 'normal' });
const metadata = { correlationId: 'c', causationId: null, actor: { kind: 'system', id: 'cli' }, door: 'cli', occurredAt: new Date().toISOString() };
(async () => {
  for (let n = 0; n < 50; n++) {
    await store.appendToStream('killed', [{ id: crypto.randomUUID(), type: 'Acked', schemaVersion: 1, data: { n }, metadata }]);
    process.stdout.write(n + '\\n');
  }
  process.kill(process.pid, 'SIGKILL');
})();
`;

describe('SqliteEventStore durability', () => {
  for (const { durability, synchronous } of MODES) {
    it(`given durability ${durability}, when the file is opened, then its connection runs WAL with PRAGMA synchronous = ${synchronous}`, () =>
      withDir(async (dir) => {
        const db = openDatabase({
          file: join(dir, 'e.sqlite'),
          busyTimeoutMs: 100,
          autoCheckpoint: true,
          durability,
        });
        try {
          assert.deepEqual({ ...db.prepare('PRAGMA synchronous').get() }, { synchronous });
          assert.deepEqual({ ...db.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'wal' });
        } finally {
          db.close();
        }
        const store = new SqliteEventStore({ file: join(dir, 'e.sqlite'), durability });
        try {
          assert.equal(store.durability(), durability, 'the store passes the option to its own connection');
        } finally {
          await store.close();
        }
      }));
  }

  it('given no durability option, when a store is opened, then it runs FULL', () =>
    withDir(async (dir) => {
      const store = new SqliteEventStore({ file: join(dir, 'e.sqlite') });
      try {
        assert.equal(store.durability(), 'full');
      } finally {
        await store.close();
      }
    }));

  it('given an unknown durability, when a store is opened, then it fails naming the accepted values', () =>
    withDir(async (dir) => {
      const durability = 'fast' as SqliteDurability;
      assert.throws(
        () => new SqliteEventStore({ file: join(dir, 'e.sqlite'), durability }),
        /full, normal.*"fast"/,
      );
    }));

  it('given durability normal, when the process is SIGKILLed after appends were acknowledged, then every one of them is in the file', () =>
    withDir(async (dir) => {
      const file = join(dir, 'e.sqlite');
      const child = promisify(execFile)(process.execPath, [
        '-e',
        CHILD_APPEND_THEN_KILL,
        require.resolve('./sqlite-event-store'),
        file,
      ]);
      const failure = await child.then(
        () => undefined,
        (error: { signal?: string; stdout?: string }) => error,
      );
      assert.equal(failure?.signal, 'SIGKILL', 'the child died without closing the store');
      const acknowledged = failure.stdout!.trim().split('\n').map(Number);
      assert.equal(acknowledged.length, 50);
      const store = new SqliteEventStore({ file });
      try {
        const stored = await store.readStream('killed');
        assert.deepEqual(
          stored.map((event) => (event.data as { n: number }).n),
          acknowledged,
        );
      } finally {
        await store.close();
      }
    }));
});
