import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guildStreamId, type GuildEvent } from '#domain';
import { SqliteEventStore, type NewEvent } from '#eventstore';
import { ProjectionHost, guildsProjection } from '#projections';
import type { Report } from './report';

// Overridable for quick runs and tuning: BENCH_PROJECTION_EVENTS, BENCH_PER_APPEND, BENCH_BATCH.
const EVENTS = Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000);
const GUILDS = 10_000;
// Events per appendToStream call: $all interleaves guilds in runs of this length.
const PER_APPEND = Number(process.env.BENCH_PER_APPEND ?? 25);
// Concurrent appends, so the store's group commit puts many in one fsync.
const IN_FLIGHT = 200;
const TARGET_EVENTS_PER_S = 80_000;

const metadata = {
  correlationId: 'bench',
  causationId: null,
  actor: { kind: 'system', id: 'bench' },
  door: 'system',
  occurredAt: '2026-01-01T00:00:00.000Z',
} as const;

const guildId = (g: number): string => String(200_000_000_000_000_000n + BigInt(g));

/** The k-th event of guild g: a registration first, then profile updates and settings changes in turn. */
function eventFor(g: number, k: number): GuildEvent {
  const id = guildId(g);
  if (k === 0) {
    return {
      type: 'GuildRegistered',
      data: {
        guildId: id,
        name: `Guild ${g}`,
        ownerId: guildId(g + 1),
        memberCount: 1000,
        botCount: 5,
        onlineCount: 100,
        premium: false,
        features: ['music'],
      },
    };
  }
  if (k % 3 === 0) {
    return {
      type: 'SettingsChanged',
      data: { guildId: id, changes: { prefix: `!${k % 7}`, autoMod: { enabled: k % 2 === 0 } } },
    };
  }
  return {
    type: 'GuildUpdated',
    data: { guildId: id, changes: { memberCount: 1000 + k, onlineCount: 100 + (k % 50) } },
  };
}

const toNew = (event: GuildEvent): NewEvent => ({
  id: randomUUID(),
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata,
});

/** Writes EVENTS events round-robin over GUILDS streams, PER_APPEND at a time, so `$all` interleaves guilds. */
async function seed(store: SqliteEventStore): Promise<void> {
  const perGuild = Math.ceil(EVENTS / GUILDS);
  const calls: (() => Promise<unknown>)[] = [];
  for (let k = 0; k < perGuild; k += PER_APPEND) {
    for (let g = 0; g < GUILDS; g++) {
      const count = Math.min(PER_APPEND, perGuild - k);
      calls.push(() =>
        store.appendToStream(
          guildStreamId(guildId(g)),
          Array.from({ length: count }, (_, i) => toNew(eventFor(g, k + i))),
        ),
      );
    }
  }
  for (let i = 0; i < calls.length; i += IN_FLIGHT)
    await Promise.all(calls.slice(i, i + IN_FLIGHT).map((call) => call()));
}

/** Seeds a temporary SQLite event store, then times the guilds projection catching up from position 0. */
export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-bench-proj-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    let started = performance.now();
    await seed(store);
    const head = await store.headPosition();
    const written = head + 1;
    report({
      name: `seed: ${written.toLocaleString('en-US')} guild events, batch appends`,
      value: written / ((performance.now() - started) / 1000),
      unit: 'events/s',
    });

    // Measured at 300k events: 500 → 133k/s, 2,000 → 137k/s, 5,000 → 142k/s; the runner's default (2,000)
    // keeps each write transaction short. The store's read (SQL + JSON.parse) dominates, not the apply.
    const batchSize = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
    const host = new ProjectionHost({
      store,
      dataDir: join(dir, 'live'),
      projections: [guildsProjection],
      batchSize,
    });
    started = performance.now();
    await host.start();
    const reached = await host.waitForPosition('guilds', head, 600_000);
    const rate = written / ((performance.now() - started) / 1000);
    if (!reached) throw new Error('guilds projection did not catch up');
    report({
      name: 'guilds projection catch-up from 0',
      value: rate,
      unit: 'events/s',
      target: `≥ ${TARGET_EVENTS_PER_S.toLocaleString('en-US')}/s`,
      ok: rate >= TARGET_EVENTS_PER_S,
    });

    started = performance.now();
    await host.rebuild('guilds');
    report({
      name: 'guilds projection rebuild (shadow + swap)',
      value: written / ((performance.now() - started) / 1000),
      unit: 'events/s',
    });
    await host.stop();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run((r) =>
    console.log(
      `${r.name.padEnd(50)} ${Math.round(r.value).toLocaleString('en-US').padStart(12)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}${r.ok === false ? ' MISSED' : ''}`,
    ),
  ).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
