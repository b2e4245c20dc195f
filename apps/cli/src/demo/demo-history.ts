import {
  RecordMembershipCommand,
  RecordUsageCommand,
  RegisterGuildCommand,
  type CommandContext,
  type UsageRecordingCommandBus,
} from '#core';
import { guildStreamId } from '#domain';
import type { EventStore } from '#eventstore';
import type { DemoGuild } from './demo-dataset';
import { HEXIFY_ANALYTICS, hexifyMembership, hexifyUsageHistory } from './demo-usage';

/**
 * Writes the usage history behind Hexify's analytics example. The CLI only writes events: the server's
 * projector carries them into ClickHouse (the CLI never opens the embedded analytics store).
 *
 * Joins and leaves change the member count, so a new guild is registered with the seed's count less
 * the day's net growth, and the growth brings it to the seed's figure; a guild that already existed
 * is left alone, so a second run writes nothing. Usage facts carry fixed ids, so they never double.
 */
export async function loadDemoHistory(
  commandBus: UsageRecordingCommandBus,
  store: EventStore,
  guilds: readonly DemoGuild[],
  context: CommandContext,
): Promise<number> {
  const guild = guilds.find((g) => g.guildId === HEXIFY_ANALYTICS.guildId);
  if (!guild) return 0;
  const before = await store.headPosition();
  const now = new Date();
  const fresh = (await store.readStream(guildStreamId(guild.guildId), { maxCount: 1 })).length === 0;
  if (fresh) {
    const net = HEXIFY_ANALYTICS.joinsToday - HEXIFY_ANALYTICS.leavesToday;
    const profile = { ...guild.profile, memberCount: guild.profile.memberCount - net };
    await commandBus.execute(new RegisterGuildCommand(guild.guildId, profile, context));
    for (const m of hexifyMembership(now)) {
      await commandBus.execute(
        new RecordMembershipCommand(guild.guildId, m.userId, m.joined, context, { at: m.at }),
      );
    }
  }
  const { facts, ids } = hexifyUsageHistory(now);
  await commandBus.execute(new RecordUsageCommand(guild.guildId, facts, context, ids));
  return (await store.headPosition()) - before;
}
