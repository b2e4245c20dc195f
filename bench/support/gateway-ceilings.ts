import type { INestApplicationContext } from '@nestjs/common';
import {
  RecordMembershipCommand,
  RecordUsageCommand,
  RecordUserProfileCommand,
  UsageRecordingCommandBus,
  systemContext,
} from '#core';
import { GuildsReadModel } from '#projections';
import { ActivityThrottle } from '#bot/listeners/activity/activity-throttle';
import { OnlineCountRecorder } from '#bot/listeners/presence/online-count-recorder';
import type { Guild } from '../gateway.bench';
import { memberCountReached } from './gateway-load';

/** The same-run ceilings: what the listeners do, without the gateway (no local Discord, no discord.js). */

const rate = (count: number, ms: number) => (count / ms) * 1000;
/** Commands in flight at once, as a busy gateway keeps them; all 10,000 at once only queue on one another. */
const IN_FLIGHT = 64;

interface MixEvent {
  readonly guild: Guild;
  readonly user: string;
  readonly message: boolean;
  readonly online: boolean;
}

/** The presence and message mix: presences into the sampler, admitted messages as activity commands. */
export async function mixStraightToBus(
  app: INestApplicationContext,
  guilds: Guild[],
  events: number,
  eventAt: (k: number) => MixEvent,
): Promise<number> {
  const bus = app.get(UsageRecordingCommandBus);
  const sampler = app.get(OnlineCountRecorder).sampler;
  const throttle = new ActivityThrottle(300_000);
  const writes: Promise<unknown>[] = [];
  const start = performance.now();
  for (let k = 0; k < events; k++) {
    const { guild, user, message, online } = eventAt(k);
    if (!message) sampler.update(guild.id, user, online);
    else if (throttle.admit(guild.id, user, Date.now()) !== undefined) {
      const fact = { type: 'RecordMemberActivity' as const, userId: user, channelId: guild.channel };
      writes.push(bus.execute(new RecordUsageCommand(guild.id, [fact], systemContext('discord'))));
    }
  }
  await Promise.all(writes);
  return rate(events, performance.now() - start);
}

/** Joins as the member listener records them (the join, then the profile), until the read model shows them. */
export async function joinsStraightToBus(
  app: INestApplicationContext,
  guilds: Guild[],
  joins: number,
): Promise<number> {
  const bus = app.get(UsageRecordingCommandBus);
  const read = app.get(GuildsReadModel);
  const expected = new Map(guilds.map((g) => [g.id, read.get(g.id)!.memberCount]));
  for (let j = 0; j < joins; j++) {
    const id = guilds[j % guilds.length].id;
    expected.set(id, expected.get(id)! + 1);
  }
  let next = 0;
  const worker = async () => {
    for (let j = next++; j < joins; j = next++) {
      const guild = guilds[j % guilds.length];
      const userId = String(900_000_000_000_000_000n + BigInt(j));
      const context = systemContext('discord');
      await bus.execute(new RecordMembershipCommand(guild.id, userId, true, context));
      await bus.execute(new RecordUserProfileCommand(userId, { username: `direct${j}`, roles: [] }, context));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  for (const [id, count] of expected) await memberCountReached(app, id, count);
  return rate(joins, performance.now() - start);
}
