import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { testEvent } from '../testing/fixtures';
import type { RecordedEvent } from '../envelope';
import type { PersonalFieldRule } from './personal-fields';
import { ShreddingEventStore } from './shredding-event-store';
import { SqlitePersonalDataKeys } from './sqlite-personal-data-keys';

const RULES: PersonalFieldRule[] = [
  {
    eventType: 'ProfileRecorded',
    subjectOf: (d) => (d as { userId: string }).userId,
    paths: [['name'], ['about', 'text']],
  },
];
const ERASED = '[erased]';

async function openStores() {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-shredding-'));
  const master = randomBytes(32);
  const inner = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const keys = new SqlitePersonalDataKeys(join(dir, 'keys.sqlite'), master);
  const store = new ShreddingEventStore(inner, keys, RULES, ERASED);
  return { dir, master, inner, keys, store, remove: () => rm(dir, { recursive: true, force: true }) };
}

// The decorator keeps every promise of the port.
eventStoreContract('SQLite with crypto-shredding', async () => {
  const { store, remove } = await openStores();
  return {
    store,
    dispose: async () => {
      await store.close();
      await remove();
    },
  };
});

describe('ShreddingEventStore', () => {
  let s: Awaited<ReturnType<typeof openStores>>;
  before(async () => {
    s = await openStores();
  });
  after(async () => {
    await s.store.close();
    await s.remove();
  });
  const profile = (userId: string, name: string, text: string | null = null) =>
    testEvent('ProfileRecorded', { userId, name, about: { text, stars: 3 } });
  const names = (events: readonly RecordedEvent[]) =>
    events.map((e) => (e.data as { name: string; about: { text: string | null } }).name);

  it('given personal fields, when appended, then the stored data is sealed and every read opens it', async () => {
    // when
    await s.store.appendToStream('user-1', [profile('1', 'Ada Lovelace', 'Ada wrote this')]);
    // then: the adapter underneath holds an envelope, not the name
    const [raw] = await s.inner.readStream('user-1');
    const stored = raw.data as { name: unknown; about: { text: unknown; stars: number } };
    assert.equal(typeof stored.name, 'object');
    assert.equal(JSON.stringify(stored).includes('Ada'), false);
    assert.equal(stored.about.stars, 3);
    const [read] = await s.store.readStream('user-1');
    assert.deepEqual(read.data, {
      userId: '1',
      name: 'Ada Lovelace',
      about: { text: 'Ada wrote this', stars: 3 },
    });
    assert.deepEqual(names(await s.store.readAll()), ['Ada Lovelace']);
  });

  it('given events written before encryption (plaintext), when read, then they read unchanged', async () => {
    await s.inner.appendToStream('user-2', [profile('2', 'Grace Hopper')]);
    assert.deepEqual(names(await s.store.readStream('user-2')), ['Grace Hopper']);
  });

  it('given a forgotten key, when read, subscribed to or read again by a new process, then the fields are erased', async () => {
    await s.store.appendToStream('user-3', [profile('3', 'Alan Turing', 'Alan again')]);
    // when
    assert.equal(await s.keys.forget('3'), 1);
    // then
    const [event] = await s.store.readStream('user-3');
    assert.deepEqual(event.data, { userId: '3', name: ERASED, about: { text: ERASED, stars: 3 } });
    const seen: RecordedEvent[] = [];
    const subscription = s.store.subscribeToAll({}, { onEvents: (events) => void seen.push(...events) });
    while (!subscription.caughtUp) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();
    assert.deepEqual(names(seen), ['Ada Lovelace', 'Grace Hopper', ERASED]);
    // A second connection to the key file (another process) sees the key gone, the others kept.
    const otherKeys = new SqlitePersonalDataKeys(join(s.dir, 'keys.sqlite'), s.master);
    const other = new ShreddingEventStore(s.inner, otherKeys, RULES, ERASED);
    assert.deepEqual(names(await other.readAll()), ['Ada Lovelace', 'Grace Hopper', ERASED]);
    otherKeys.close();
  });

  it('given a key cached by a process, when another process forgets it, then the first sees it forgotten at its next read', async () => {
    await s.store.appendToStream('user-4', [profile('4', 'Katherine Johnson')]);
    assert.deepEqual(names(await s.store.readStream('user-4')), ['Katherine Johnson']);
    const otherKeys = new SqlitePersonalDataKeys(join(s.dir, 'keys.sqlite'), s.master);
    await otherKeys.forget('4');
    otherKeys.close();
    assert.deepEqual(names(await s.store.readStream('user-4')), [ERASED]);
  });

  it('given a user erased, when they write again, then a new key seals the new data and the old stays erased', async () => {
    await s.store.appendToStream('user-3', [profile('3', 'Alan M. Turing')]);
    assert.deepEqual(names(await s.store.readStream('user-3')), [ERASED, 'Alan M. Turing']);
  });

  it('given another master key, when a stored key is read, then it fails: every key is wrapped', async () => {
    const otherMaster = new SqlitePersonalDataKeys(join(s.dir, 'keys.sqlite'), randomBytes(32));
    // The wrong master key opens nothing: every key is wrapped.
    await assert.rejects(async () => otherMaster.keyForWriting('1'));
    otherMaster.close();
  });

  it('given a sealed value copied into another event, when read, then the read fails instead of lying', async () => {
    const [raw] = await s.inner.readStream('user-1');
    await s.inner.appendToStream('user-5', [{ ...testEvent('ProfileRecorded', raw.data) }]);
    await assert.rejects(() => s.store.readStream('user-5'));
  });
  it('given plaintext events of a user written before encryption, when the user is erased, then they read erased too', async () => {
    await s.inner.appendToStream('user-6', [profile('6', 'Hedy Lamarr', 'Hedy wrote this')]);
    assert.deepEqual(names(await s.store.readStream('user-6')), ['Hedy Lamarr']);
    // when: no key was ever made for them; the erasure record is what erases
    assert.equal(await s.keys.forget('6'), 0);
    // then
    const [event] = await s.store.readStream('user-6');
    assert.deepEqual(event.data, { userId: '6', name: ERASED, about: { text: ERASED, stars: 3 } });
    assert.deepEqual(names(await s.store.readStream('user-2')), ['Grace Hopper']);
  });
});
