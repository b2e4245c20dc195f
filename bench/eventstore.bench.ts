import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent, type SqliteDurability } from '#eventstore';
import type { Report } from './report';
import { bestOfAlternating } from './support/alternate';
import { eventsIn, rawAppendRate, type AppendWorkload } from './support/raw-sqlite-append';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** 100 writers appending one event each: group commit puts the 100 appends of a turn in one transaction. */
const SINGLE = { writers: 100, appendsPerWriter: 100, eventsPerAppend: 1 };
/** 10 writers appending 100-event batches: 1,000 rows per transaction. */
const BATCH = { writers: 10, appendsPerWriter: 60, eventsPerAppend: 100 };
const FSYNC_SAMPLES = 200;
const APPEND_TARGET = { ratioAtLeast: 0.8 };

// Shaped like a real usage event, so JSON size and serialisation cost are realistic.
function usageEvent(guildId: string, n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CommandUsed',
    schemaVersion: 1,
    data: { guildId, userId: '112233445566778899', command: 'play', options: { query: `track ${n}` } },
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'discord-user', id: '112233445566778899' },
      door: 'discord',
      occurredAt: new Date().toISOString(),
    },
  };
}

/** Built before the clock starts: making events is the caller's cost, not the store's. */
function workload(shape: typeof SINGLE): AppendWorkload {
  return Array.from({ length: shape.writers }, (_, writer) =>
    Array.from({ length: shape.appendsPerWriter }, (_, n) =>
      Array.from({ length: shape.eventsPerAppend }, (_, i) =>
        usageEvent(`${writer}`, n * shape.eventsPerAppend + i),
      ),
    ),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Each writer owns a stream and appends to it at the exact revision, like a command handler would. */
async function storeAppendRate(
  file: string,
  durability: SqliteDurability,
  appends: AppendWorkload,
  latenciesMs: number[],
): Promise<number> {
  const store = new SqliteEventStore({ file, durability });
  try {
    const started = performance.now();
    await Promise.all(
      appends.map(async (ofWriter) => {
        const streamId = `usage-bench-${randomUUID()}`;
        let revision: number | 'no_stream' = 'no_stream';
        for (const events of ofWriter) {
          const sent = performance.now();
          revision = (await store.appendToStream(streamId, events, { expectedRevision: revision }))
            .nextRevision;
          latenciesMs.push(performance.now() - sent);
        }
      }),
    );
    return eventsIn(appends) / ((performance.now() - started) / 1_000);
  } finally {
    await store.close();
  }
}

/**
 * The SQLite event store in both durability modes, each append figure beside its ceiling: the same
 * rows inserted with `node:sqlite` alone, same pragmas and transaction grouping, in the same run.
 */
export async function run(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-bench-'));
  try {
    const fsyncP99 = percentile(fsyncLatencies(join(dir, 'fsync.probe')), 99);
    report({ name: 'disk: 4 KiB append + fdatasync, p99', value: fsyncP99, unit: 'ms' });
    for (const durability of ['normal', 'full'] as const) await benchDurability(dir, durability, report);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchDurability(dir: string, durability: SqliteDurability, report: Report): Promise<void> {
  let files = 0;
  const file = () => join(dir, `events-${durability}-${files++}.sqlite`);
  const label = `eventstore (${durability})`;
  const latenciesMs: number[] = [];
  const single = await bestOfAlternating(ROUNDS, {
    store: () => storeAppendRate(file(), durability, workload(SINGLE), latenciesMs),
    raw: () => rawAppendRate(file(), durability, workload(SINGLE)),
  });
  report({
    name: `${label}: append 1 event, ${SINGLE.writers} writers`,
    value: single.store,
    ceiling: single.raw,
    unit: 'events/s',
  });
  report({
    name: `${label}: append 1 event, ${SINGLE.writers} writers, p99`,
    value: percentile(
      latenciesMs.sort((a, b) => a - b),
      99,
    ),
    unit: 'ms',
    target: { atMost: 10 },
  });
  const batched = await bestOfAlternating(ROUNDS, {
    store: () => storeAppendRate(file(), durability, workload(BATCH), []),
    raw: () => rawAppendRate(file(), durability, workload(BATCH)),
  });
  report({
    name: `${label}: append ${BATCH.eventsPerAppend}-event batches, ${BATCH.writers} writers`,
    value: batched.store,
    ceiling: batched.raw,
    unit: 'events/s',
    target: APPEND_TARGET,
  });
}

/** What one durable commit costs on this disk at the least: a page appended, as to the WAL, and flushed. */
function fsyncLatencies(file: string): number[] {
  const page = Buffer.alloc(4_096, 1);
  const fd = openSync(file, 'w');
  const latencies: number[] = [];
  try {
    for (let i = 0; i < FSYNC_SAMPLES; i++) {
      const started = performance.now();
      writeSync(fd, page, 0, page.length, i * page.length);
      fdatasyncSync(fd);
      latencies.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
  }
  return latencies.sort((a, b) => a - b);
}
