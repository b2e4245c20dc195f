import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent, type SqliteDurability } from '#eventstore';
import type { Report } from './report';

const SINGLE_WRITERS = 100;
const SINGLE_DURATION_MS = 5_000;
const BATCH_WRITERS = 10;
const BATCH_SIZE = 100;
const BATCH_DURATION_MS = 3_000;
const FSYNC_SAMPLES = 200;

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

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Each writer owns a stream and appends to it at the exact revision, like a command handler would. */
async function appendLoop(
  store: SqliteEventStore,
  writers: number,
  eventsPerAppend: number,
  durationMs: number,
): Promise<{ events: number; elapsedMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let events = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const streamId = `usage-bench-${randomUUID()}`;
      let revision: number | 'no_stream' = 'no_stream';
      for (let n = 0; performance.now() < deadline; n++) {
        const batch = Array.from({ length: eventsPerAppend }, (_, i) => usageEvent(`${writer}`, n + i));
        const sent = performance.now();
        const result = await store.appendToStream(streamId, batch, { expectedRevision: revision });
        latenciesMs.push(performance.now() - sent);
        revision = result.nextRevision;
        events += eventsPerAppend;
      }
    }),
  );
  return { events, elapsedMs: performance.now() - started, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

/**
 * Measures the SQLite event store on a temp file in both durability modes, each against the same targets:
 * `full` is the default (an acknowledged append survives power loss), `normal` survives a process crash
 * only. At `full` every group commit waits for an fsync, so its p99 cannot beat the disk's own fsync p99,
 * which is reported first to read the other figures against.
 */
export async function run(report: Report): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'guildhall-bench-'));
  try {
    const fsyncP99 = round(percentile(fsyncLatencies(join(dir, 'fsync.probe')), 99));
    report({ name: 'disk: 4 KiB append + fdatasync, p99 latency', value: fsyncP99, unit: 'ms' });
    for (const durability of ['full', 'normal'] as const) {
      await benchDurability(join(dir, `events-${durability}.sqlite`), durability, report);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchDurability(file: string, durability: SqliteDurability, report: Report): Promise<void> {
  const store = new SqliteEventStore({ file, durability });
  const label = `eventstore.sqlite (${durability})`;
  try {
    const single = await appendLoop(store, SINGLE_WRITERS, 1, SINGLE_DURATION_MS);
    const singleRate = Math.round(single.events / (single.elapsedMs / 1_000));
    const p99 = round(percentile(single.latenciesMs, 99));
    report({
      name: `${label} append 1 event, ${SINGLE_WRITERS} concurrent writers`,
      value: singleRate,
      unit: 'events/s',
      target: '>= 5000',
      ok: singleRate >= 5_000,
    });
    report({
      name: `${label} append 1 event, ${SINGLE_WRITERS} concurrent writers, p99 latency`,
      value: p99,
      unit: 'ms',
      target: '<= 10',
      ok: p99 <= 10,
    });

    const batched = await appendLoop(store, BATCH_WRITERS, BATCH_SIZE, BATCH_DURATION_MS);
    const batchRate = Math.round(batched.events / (batched.elapsedMs / 1_000));
    report({
      name: `${label} append ${BATCH_SIZE}-event batches, ${BATCH_WRITERS} concurrent writers`,
      value: batchRate,
      unit: 'events/s',
      target: '>= 100000',
      ok: batchRate >= 100_000,
    });
  } finally {
    await store.close();
  }
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

const round = (ms: number): number => Math.round(ms * 100) / 100;
