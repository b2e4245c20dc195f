import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import {
  RecordMembershipCommand,
  RecordUsageCommand,
  RecordUserProfileCommand,
  UsageRecordingCommandBus,
  systemContext,
} from '#core';
import { EventStore } from '#eventstore';
import { GuildsReadModel } from '#projections';
import { ActivityThrottle } from '#bot/listeners/activity/activity-throttle';
import { OnlineCountRecorder } from '#bot/listeners/presence/online-count-recorder';
import { startFakeDiscord, type FakeDiscord } from '../test/support/discord/index';
import { presence } from '../test/support/discord/payloads';
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

interface Guild {
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

const rate = (count: number, ms: number) => (count / ms) * 1000;

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

async function mixStraightToBus(app: INestApplicationContext, guilds: Guild[]) {
  const bus = app.get(UsageRecordingCommandBus);
  const sampler = app.get(OnlineCountRecorder).sampler;
  const throttle = new ActivityThrottle(300_000);
  const writes: Promise<unknown>[] = [];
  const start = performance.now();
  for (let k = 0; k < EVENTS; k++) {
    const { guild, user, message, online } = mixEvent(guilds, k);
    if (!message) sampler.update(guild.id, user, online);
    else if (throttle.admit(guild.id, user, Date.now()) !== undefined) {
      const fact = { type: 'RecordMemberActivity' as const, userId: user, channelId: guild.channel };
      writes.push(bus.execute(new RecordUsageCommand(guild.id, [fact], systemContext('discord'))));
    }
  }
  await Promise.all(writes);
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

async function joinsStraightToBus(app: INestApplicationContext, guilds: Guild[]) {
  const bus = app.get(UsageRecordingCommandBus);
  const read = app.get(GuildsReadModel);
  const expected = new Map(guilds.map((g) => [g.id, read.get(g.id)!.memberCount]));
  const start = performance.now();
  const writes: Promise<unknown>[] = [];
  for (let j = 0; j < JOINS; j++) {
    const guild = guilds[j % guilds.length];
    const userId = String(900_000_000_000_000_000n + BigInt(j));
    const context = systemContext('discord');
    // As the member listener does: the join, then the user's profile.
    const join = new RecordMembershipCommand(guild.id, userId, true, context);
    const profile = new RecordUserProfileCommand(userId, { username: `direct${j}`, roles: [] }, context);
    writes.push(bus.execute(join).then(() => bus.execute(profile)));
    expected.set(guild.id, expected.get(guild.id)! + 1);
  }
  await Promise.all(writes);
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

function compare(report: Report, name: string, value: number, ceiling: number, unit: string) {
  report({ name, value, unit });
  report({ name: `  same commands straight to the bus (ceiling)`, value: ceiling, unit });
  report({ name: `  ratio gateway / ceiling`, value: value / ceiling, unit: '×' });
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
    const perThousand = ((after.heapMiB - before.heapMiB) / GUILDS) * 1000;
    report({
      name: 'heap per 1,000 guilds (discord.js caches + live views)',
      value: perThousand,
      unit: 'MiB',
    });
    // Measured at 2,500 guilds by default; a smaller run extrapolates its growth from the baseline.
    const projected = before.rssMiB + ((after.rssMiB - before.rssMiB) / GUILDS) * 2_500;
    report({
      name: 'process RSS at 2,500 guilds (incl. the local Discord)',
      value: projected,
      unit: 'MiB',
      target: '< 1024',
      ok: projected < 1024,
    });

    compare(
      report,
      `MESSAGE_CREATE + PRESENCE_UPDATE mix (1:4), ${EVENTS} events`,
      await mixThroughGateway(discord, app, guilds),
      await mixStraightToBus(app, guilds),
      'events/s',
    );
    compare(
      report,
      `GUILD_MEMBER_ADD → read model, ${JOINS} joins`,
      await joinsThroughGateway(discord, app, guilds),
      await joinsStraightToBus(app, guilds),
      'events/s',
    );

    const bus = app.get(UsageRecordingCommandBus);
    const gatewayP99 = await pacedLatency(app, guilds, (guild, j) =>
      memberAdd(discord, guild.id, `paced${j}`),
    );
    const busP99 = await pacedLatency(app, guilds, (guild, j) => {
      const userId = String(800_000_000_000_000_000n + BigInt(j));
      void bus.execute(new RecordMembershipCommand(guild.id, userId, true, systemContext('discord')));
    });
    compare(report, `p99 join dispatch → read model at ${PACED_PER_S}/s`, gatewayP99, busP99, 'ms');
    report({ name: 'events in the store', value: await app.get(EventStore).headPosition(), unit: 'events' });
  } finally {
    await app?.close();
    await discord.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
