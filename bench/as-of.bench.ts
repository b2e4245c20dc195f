import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED_PERSONAL_DATA, PERSONAL_DATA_RULES, guildStreamId, type GuildEvent } from '#domain';
import { ShreddingEventStore, SqliteEventStore, SqlitePersonalDataKeys, type NewEvent } from '#eventstore';
import { AsOfSnapshotStore, foldAsOf, guildAsOfFold } from '#projections';
import type { Report } from './report';
import { bestOfAlternating } from './support/alternate';

// Overridable: BENCH_AS_OF_EVENTS (length of the one guild stream), BENCH_SHRED_EVENTS.
const STREAM_EVENTS = Number(process.env.BENCH_AS_OF_EVENTS ?? 20_250);
const SHRED_EVENTS = Number(process.env.BENCH_SHRED_EVENTS ?? 20_000);
const SNAPSHOT_EVERY = 500;
const GUILD = '300000000000000001';

const metadata = (k: number) =>
  ({
    correlationId: 'bench',
    causationId: null,
    actor: { kind: 'system', id: 'bench' },
    door: 'system',
    occurredAt: new Date(Date.UTC(2026, 0, 1) + k * 1_000).toISOString(),
  }) as const;

function guildEvent(k: number): NewEvent {
  const event: GuildEvent =
    k === 0
      ? {
          type: 'GuildRegistered',
          data: {
            guildId: GUILD,
            name: 'Bench',
            ownerId: '1',
            memberCount: 10,
            botCount: 1,
            onlineCount: 1,
            premium: false,
            features: [],
          },
        }
      : { type: 'SettingsChanged', data: { guildId: GUILD, changes: { prefix: `!${k % 97}` } } };
  return { id: randomUUID(), schemaVersion: 1, ...event, metadata: metadata(k) };
}

const profile = (k: number): NewEvent => ({
  id: randomUUID(),
  type: 'UserProfileRecorded',
  schemaVersion: 1,
  data: { userId: String(400_000_000_000_000_000n + BigInt(k % 1_000)), username: `user#${k}`, roles: [] },
  metadata: metadata(k),
});

const rate = async (count: number, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return count / ((performance.now() - started) / 1000);
};

/**
 * As-of reads of a long stream, with and without snapshots, beside the irreducible read (the stream's
 * tail after its newest snapshot); and crypto-shredding's cost on reads and appends of events with a
 * personal field, beside the bare adapter.
 */
export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-bench-asof-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const snapshots = new AsOfSnapshotStore(join(dir, 'snapshots.sqlite'));
  try {
    for (let k = 0; k < STREAM_EVENTS; k += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, STREAM_EVENTS - k) }, (_, i) => guildEvent(k + i));
      await store.appendToStream(guildStreamId(GUILD), batch);
    }
    const head = { position: Number.MAX_SAFE_INTEGER };
    const stream = guildStreamId(GUILD);
    const options = { snapshotEvery: SNAPSHOT_EVERY };
    await foldAsOf(store, snapshots, guildAsOfFold, stream, head, options); // takes the snapshots
    // The events after the newest snapshot: what a snapshotted read must still read and fold.
    const tailFrom = Math.floor(STREAM_EVENTS / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
    const reads = 50;
    const best = await bestOfAlternating(3, {
      snapshotted: () =>
        rate(reads, async () => {
          for (let i = 0; i < reads; i++)
            await foldAsOf(store, snapshots, guildAsOfFold, stream, head, options);
        }),
      fromZero: () =>
        rate(5, async () => {
          for (let i = 0; i < 5; i++) await foldAsOf(store, undefined, guildAsOfFold, stream, head, options);
        }),
      tail: () =>
        rate(reads, async () => {
          for (let i = 0; i < reads; i++) await store.readStream(stream, { fromRevision: tailFrom });
        }),
    });
    const length = `${STREAM_EVENTS.toLocaleString('en-US')}-event stream`;
    report({
      name: `as-of read at the head of a ${length}, snapshots every ${SNAPSHOT_EVERY}`,
      value: best.snapshotted,
      ceiling: best.tail,
      unit: 'reads/s',
    });
    report({
      name: `as-of read at the head of a ${length}, folded from zero`,
      value: best.fromZero,
      ceiling: best.tail,
      unit: 'reads/s',
    });

    const keys = new SqlitePersonalDataKeys(join(dir, 'keys.sqlite'), randomBytes(32));
    const bare = new SqliteEventStore({ file: join(dir, 'bare.sqlite') });
    const underSealed = new SqliteEventStore({ file: join(dir, 'sealed.sqlite') });
    const sealed = new ShreddingEventStore(underSealed, keys, PERSONAL_DATA_RULES, ERASED_PERSONAL_DATA);
    // Two rounds: the first makes each of the 1,000 users' keys (one durable insert each), the second
    // is the steady state, every key made.
    const appends = await bestOfAlternating(2, {
      sealed: () => rate(SHRED_EVENTS, () => appendAll(sealed)),
      bare: () => rate(SHRED_EVENTS, () => appendAll(bare)),
    });
    report({
      name: 'appends of UserProfileRecorded, sealed (AES-256-GCM)',
      value: appends.sealed,
      ceiling: appends.bare,
      unit: 'events/s',
    });
    const readsAll = await bestOfAlternating(3, {
      sealed: () => rate(SHRED_EVENTS, () => sealed.readAll({ after: -1 })),
      bare: () => rate(SHRED_EVENTS, () => bare.readAll({ after: -1 })),
    });
    report({
      name: 'readAll of those events, opened (ceiling: the same, stored bare)',
      value: readsAll.sealed,
      ceiling: readsAll.bare,
      unit: 'events/s',
    });
    await sealed.close();
    await bare.close();
  } finally {
    snapshots.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Profiles of 1,000 users, 100 events per append. */
async function appendAll(target: { appendToStream: SqliteEventStore['appendToStream'] }) {
  for (let k = 0; k < SHRED_EVENTS; k += 100) {
    const batch = Array.from({ length: 100 }, (_, i) => profile(k + i));
    await target.appendToStream(`user-bench-${k}`, batch);
  }
}
