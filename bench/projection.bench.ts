import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guildStreamId, type GuildEvent } from '#domain';
import { SqliteEventStore, type NewEvent } from '#eventstore';
import { ProjectionHost, guildsProjection } from '#projections';
import type { Report } from './report';
import { bestOfAlternating } from './support/alternate';
import { rawReadRate } from './support/raw-sqlite-read';

// Overridable for quick runs and tuning: BENCH_PROJECTION_EVENTS, BENCH_PER_APPEND, BENCH_BATCH,
// BENCH_PROJECTION_ROUNDS.
const EVENTS = Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000);
const GUILDS = 10_000;
// Events per appendToStream call: $all interleaves guilds in runs of this length.
const PER_APPEND = Number(process.env.BENCH_PER_APPEND ?? 25);
// Concurrent appends, so the store's group commit puts many in one fsync.
const IN_FLIGHT = 200;
/** Events per subscription page, the runner's default; the raw read uses the same pages. */
const PAGE = Number(process.env.BENCH_BATCH ?? 2_000);
// Each catch-up reads the whole store; two rounds of each keep the suite under a minute.
const ROUNDS = Number(process.env.BENCH_PROJECTION_ROUNDS ?? 2);

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

/** Times the guilds projection catching up from position 0 into a fresh read-model file. */
async function catchUpRate(store: SqliteEventStore, dataDir: string, head: number): Promise<number> {
  const host = new ProjectionHost({ store, dataDir, projections: [guildsProjection], batchSize: PAGE });
  try {
    const started = performance.now();
    await host.start();
    if (!(await host.waitForPosition('guilds', head, 600_000))) throw new Error('guilds did not catch up');
    return (head + 1) / ((performance.now() - started) / 1000);
  } finally {
    await host.stop();
  }
}

/**
 * Seeds a temporary SQLite event store, then times the guilds projection catching up from position 0
 * beside its ceiling, a raw read of the same events with the same decoding, side by side.
 */
export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-bench-proj-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file });
  try {
    const started = performance.now();
    await seed(store);
    const head = await store.headPosition();
    const written = head + 1;
    report({
      name: `seed: ${written.toLocaleString('en-US')} guild events, batch appends`,
      value: written / ((performance.now() - started) / 1000),
      unit: 'events/s',
    });
    let round = 0;
    const best = await bestOfAlternating(ROUNDS, {
      raw: () => rawReadRate(file, PAGE),
      catchUp: () => catchUpRate(store, join(dir, `live-${round++}`), head),
    });
    report({
      name: 'guilds projection catch-up from 0',
      value: best.catchUp,
      ceiling: best.raw,
      unit: 'events/s',
      target: { ratioAtLeast: 0.6 },
    });

    const host = new ProjectionHost({
      store,
      dataDir: join(dir, 'rebuilt'),
      projections: [guildsProjection],
    });
    const rebuildStarted = performance.now();
    await host.rebuild('guilds');
    report({
      name: 'guilds projection rebuild (shadow tables + swap)',
      value: written / ((performance.now() - rebuildStarted) / 1000),
      ceiling: best.raw,
      unit: 'events/s',
    });
    await host.stop();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
