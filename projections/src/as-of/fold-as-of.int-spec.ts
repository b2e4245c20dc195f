import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { guildStreamId, type GuildEvent } from '#domain';
import type { EventStore, ReadStreamOptions } from '#eventstore';
import { guildId, openTestStore, profileOf, tempDir, toNewEvent } from '../testing/fixtures';
import type { AsOf, StreamFold } from './as-of';
import { foldAsOf } from './fold-as-of';
import { guildAsOfFold } from './guild-as-of';
import { AsOfSnapshotStore } from './snapshot-store';

const GUILD = guildId(7);
const STREAM = guildStreamId(GUILD);
const EVENTS = 1_234;
const EVERY = 100;
const minute = (k: number) => new Date(Date.UTC(2026, 0, 1) + k * 60_000).toISOString();

/** The k-th event of a long guild stream: a registration, then settings, members and samples. */
function eventFor(k: number): GuildEvent {
  if (k === 0) return { type: 'GuildRegistered', data: { guildId: GUILD, ...profileOf(7) } };
  const kinds: GuildEvent[] = [
    { type: 'SettingsChanged', data: { guildId: GUILD, changes: { prefix: `!${k}` } } },
    { type: 'MemberJoined', data: { guildId: GUILD, userId: guildId(k), bot: k % 5 === 0, at: minute(k) } },
    { type: 'OnlineCountSampled', data: { guildId: GUILD, onlineCount: k % 97, at: minute(k) } },
    { type: 'SettingsChanged', data: { guildId: GUILD, changes: { autoMod: { wordFilter: [`w${k}`] } } } },
    { type: 'MemberLeft', data: { guildId: GUILD, userId: guildId(k - 1), bot: false, at: minute(k) } },
  ];
  return kinds[k % kinds.length];
}

/** Counts the events a fold reads, to prove a snapshot spared the prefix. */
class CountingStore {
  read = 0;
  constructor(private readonly inner: EventStore) {}
  async readStream(streamId: string, options?: ReadStreamOptions) {
    const events = await this.inner.readStream(streamId, options);
    this.read += events.length;
    return events;
  }
}

describe('as-of folds with snapshots', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let snapshots: AsOfSnapshotStore;
  const positions: number[] = [];
  before(async () => {
    dir = tempDir();
    store = await openTestStore(dir.dir);
    snapshots = new AsOfSnapshotStore(join(dir.dir, 'snapshots.sqlite'));
    for (let k = 0; k < EVENTS; k += 50) {
      const batch = Array.from({ length: Math.min(50, EVENTS - k) }, (_, i) =>
        toNewEvent(eventFor(k + i), minute(k + i)),
      );
      const other = toNewEvent({ type: 'GuildRegistered', data: { guildId: guildId(8), ...profileOf(8) } });
      await store.appendToStream(guildStreamId(guildId(8)), [other]).catch(() => undefined);
      await store.appendToStream(STREAM, batch);
    }
    for (const event of await store.readStream(STREAM)) positions.push(event.position);
  });
  after(async () => {
    snapshots.close();
    await store.close();
    dir.remove();
  });

  const fold = (asOf: AsOf, withSnapshots: boolean, reader: EventStore = store) =>
    foldAsOf(reader, withSnapshots ? snapshots : undefined, guildAsOfFold, STREAM, asOf, {
      snapshotEvery: EVERY,
      pageSize: 64,
    });

  it('given a long stream, when folded to the end, then a snapshot is stored every 100 events', async () => {
    const full = await fold({ position: Number.MAX_SAFE_INTEGER }, true);
    assert.equal(full.revision, EVENTS - 1);
    assert.equal(snapshots.countOf(STREAM, guildAsOfFold), Math.floor(EVENTS / EVERY));
  });

  it('given snapshots, when folded as of many positions and times, then each equals the fold from zero', async () => {
    const cuts: AsOf[] = [];
    for (const k of [0, 1, 98, 99, 100, 101, 555, 999, 1_000, 1_233]) {
      cuts.push({ position: positions[k] }, { position: positions[k] - 1 }, { time: Date.parse(minute(k)) });
    }
    for (const asOf of cuts) {
      // Compared as JSON, what a read answers: the merge patch builds null-prototype objects.
      const [snapshotted, fromZero] = [await fold(asOf, true), await fold(asOf, false)];
      assert.deepEqual(
        JSON.parse(JSON.stringify(snapshotted)),
        JSON.parse(JSON.stringify(fromZero)),
        JSON.stringify(asOf),
      );
    }
  });

  it('given snapshots, when folded as of a late position, then only the events after the newest snapshot are read', async () => {
    const counting = new CountingStore(store);
    const result = await fold({ position: positions[1_050] }, true, counting as unknown as EventStore);
    assert.equal(result.revision, 1_050);
    // The snapshot at revision 999 is the newest inside; the fold reads 1,000..1,050 and one page past.
    assert.ok(counting.read <= 51 + 64, `read ${counting.read}`);
    const fromZero = new CountingStore(store);
    await fold({ position: positions[1_050] }, false, fromZero as unknown as EventStore);
    assert.ok(fromZero.read >= 1_051);
  });

  it('given a new version of the fold, when folded, then the old snapshots are not used', async () => {
    const changed = {
      ...guildAsOfFold,
      version: guildAsOfFold.version + 1,
    } as unknown as StreamFold<unknown>;
    assert.equal(snapshots.newest(STREAM, changed, { position: Number.MAX_SAFE_INTEGER }), undefined);
    assert.notEqual(
      snapshots.newest(STREAM, guildAsOfFold, { position: Number.MAX_SAFE_INTEGER }),
      undefined,
    );
  });

  it('given a moment before the stream began, then nothing is folded', async () => {
    const none = await fold({ position: positions[0] - 1 }, true);
    assert.deepEqual([none.state, none.revision], [null, -1]);
  });
});
