import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { RecordMembershipCommand, UsageRecordingCommandBus, systemContext } from '#core';
import { EventStore } from '#eventstore';
import { GuildsReadModel } from '#projections';
import { startFakeDiscord, type FakeDiscord } from '../test/support/discord/index';
import { presence } from '../test/support/discord/payloads';
import { joinsStraightToBus, mixStraightToBus } from './support/gateway-ceilings';
import {
  heapAndRss,
  memberAdd,
  memberCountReached,
  percentile,
  startBot,
  waitForGuilds,
} from './support/gateway-load';
import type { Report } from './report';

// Overridable for quick runs: BENCH_GATEWAY_GUILDS, BENCH_GATEWAY_EVENTS, BENCH_GATEWAY_JOINS.
const GUILDS = Number(process.env.BENCH_GATEWAY_GUILDS ?? 2_500);
const EVENTS = Number(process.env.BENCH_GATEWAY_EVENTS ?? 50_000);
const JOINS = Number(process.env.BENCH_GATEWAY_JOINS ?? 5_000);
const MEMBERS = 10;
const PACED = 1_000;
const PACED_PER_S = 250;

export interface Guild {
  readonly id: string;
  readonly channel: string;
  readonly users: readonly string[];
}

function seedDiscord(discord: FakeDiscord): Guild[] {
  return Array.from({ length: GUILDS }, (_, g) => {
    const guild = discord.addGuild({
      name: `Guild ${g}`,
      memberCount: 1_000,
      channels: [{ name: 'general' }, { name: 'Voice', type: 'voice' }],
      members: Array.from({ length: MEMBERS }, (_, m) => ({
        username: `g${g}m${m}`,
        status: m % 2 === 0 ? ('online' as const) : ('offline' as const),
      })),
    });
    const users = [...guild.members.keys()].filter((id) => id !== discord.bot.id);
    return { id: guild.id, channel: [...guild.channels.keys()][0], users };
  });
}

export const rate = (count: number, ms: number) => (count / ms) * 1000;

/** The k-th event of the mix: four presences to one message, spread over every guild and member. */
const mixEvent = (guilds: Guild[], k: number) => {
  const guild = guilds[k % guilds.length];
  const user = guild.users[Math.floor(k / guilds.length) % guild.users.length];
  return { guild, user, message: k % 5 === 4, online: k % 3 !== 0 };
};

async function mixThroughGateway(discord: FakeDiscord, app: INestApplicationContext, guilds: Guild[]) {
  const marker = guilds[0];
  const start = performance.now();
  for (let k = 0; k < EVENTS; k++) {
    const { guild, user, message, online } = mixEvent(guilds, k);
    if (message) discord.sendMessage(guild.channel, user, 'hello');
    else
      discord.dispatch(
        guild.id,
        'PRESENCE_UPDATE',
        presence(discord.state.users.get(user)!, guild.id, online ? 'online' : 'offline'),
      );
  }
  // Dispatches reach the listeners in order: the marker join is handled after all of them.
  const count = app.get(GuildsReadModel).get(marker.id)!.memberCount;
  memberAdd(discord, marker.id, 'marker');
  await memberCountReached(app, marker.id, count + 1);
  return rate(EVENTS, performance.now() - start);
}

async function joinsThroughGateway(discord: FakeDiscord, app: INestApplicationContext, guilds: Guild[]) {
  const read = app.get(GuildsReadModel);
  const expected = new Map(guilds.map((g) => [g.id, read.get(g.id)!.memberCount]));
  const start = performance.now();
  for (let j = 0; j < JOINS; j++) {
    const guild = guilds[j % guilds.length];
    memberAdd(discord, guild.id, `joiner${j}`);
    expected.set(guild.id, expected.get(guild.id)! + 1);
  }
  for (const [id, count] of expected) await memberCountReached(app, id, count);
  return rate(JOINS, performance.now() - start);
}

/** p99 from sending a join to the read model showing it, at a steady pace well below saturation. */
async function pacedLatency(
  app: INestApplicationContext,
  guilds: Guild[],
  send: (guild: Guild, j: number) => void,
) {
  const read = app.get(GuildsReadModel);
  const latencies: number[] = [];
  const waits: Promise<void>[] = [];
  for (let j = 0; j < PACED; j++) {
    const guild = guilds[(j * 7) % guilds.length];
    const target = read.get(guild.id)!.memberCount + 1;
    const sent = performance.now();
    send(guild, j);
    waits.push(
      memberCountReached(app, guild.id, target).then(() => void latencies.push(performance.now() - sent)),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / PACED_PER_S));
  }
  await Promise.all(waits);
  return percentile(
    latencies.sort((a, b) => a - b),
    99,
  );
}

/** The gateway's figure beside the same commands sent straight to the bus (its ceiling). */
function compare(report: Report, name: string, value: number, ceiling: number, unit: string) {
  report({ name, value, unit, ceiling });
}

export async function run(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guildhall-bench-gateway-'));
  const discord = await startFakeDiscord({
    heartbeatIntervalMs: 30_000,
    rateLimit: { limit: 1_000_000, windowMs: 1000 },
  });
  let app: INestApplicationContext | undefined;
  try {
    const guilds = seedDiscord(discord);
    const before = heapAndRss();
    const started = performance.now();
    app = await startBot(discord, dataDir);
    await waitForGuilds(
      app,
      guilds.map((g) => g.id),
    );
    report({
      name: `GUILD_CREATE → guild registered, ${GUILDS} guilds`,
      value: rate(GUILDS, performance.now() - started),
      unit: 'guilds/s',
    });
    const after = heapAndRss();
    // The heap the door added for its guilds (the app's own start-up heap included: an upper bound).
    const perThousand = ((after.heapMiB - before.heapMiB) / GUILDS) * 1000;
    report({ name: 'heap per 1,000 guilds (door, caches, live views)', value: perThousand, unit: 'MiB' });
    // The target is for a full shard; a smaller run prints its RSS without a verdict.
    const full = GUILDS >= 2_500;
    report({
      name: `process RSS at ${GUILDS} guilds (incl. the local Discord)`,
      value: after.rssMiB,
      unit: 'MiB',
      ...(full ? { target: { atMost: 1024 } } : {}),
    });

    compare(
      report,
      `MESSAGE_CREATE + PRESENCE_UPDATE mix (1:4), ${EVENTS} events`,
      await mixThroughGateway(discord, app, guilds),
      await mixStraightToBus(app, guilds, EVENTS, (k: number) => mixEvent(guilds, k)),
      'events/s',
    );
    // The bus first: whichever runs second meets longer guild streams.
    const joinsOnBus = await joinsStraightToBus(app, guilds, JOINS);
    const joinsOnGateway = await joinsThroughGateway(discord, app, guilds);
    compare(report, `GUILD_MEMBER_ADD → read model, ${JOINS} joins`, joinsOnGateway, joinsOnBus, 'events/s');

    const bus = app.get(UsageRecordingCommandBus);
    const gatewayP99 = await pacedLatency(app, guilds, (guild, j) =>
      memberAdd(discord, guild.id, `paced${j}`),
    );
    const busP99 = await pacedLatency(app, guilds, (guild, j) => {
      const userId = String(800_000_000_000_000_000n + BigInt(j));
      void bus.execute(new RecordMembershipCommand(guild.id, userId, true, systemContext('discord')));
    });
    // Latency: lower is better, so the bus's p99 is printed as its own figure, not as a ceiling.
    report({ name: `p99 join dispatch → read model at ${PACED_PER_S}/s`, value: gatewayP99, unit: 'ms' });
    report({ name: `  the same joins straight to the bus`, value: busP99, unit: 'ms' });
    report({ name: 'events in the store', value: await app.get(EventStore).headPosition(), unit: 'events' });
  } finally {
    await app?.close();
    await discord.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
