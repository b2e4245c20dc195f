import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'discord.js';
import { once } from 'node:events';
import { loadDiscordConfig, type DiscordConfig } from '#config';
import { guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { GuildsReadModel } from '#projections';
import { createBotContext } from '#guildhall/guildhall-app';
import type { FakeDiscord } from '../../test/support/discord/index';
import { apiMember } from '../../test/support/discord/payloads';

/** Guildhall's Discord door alone (no HTTP), logged in to the local Discord, on one shard. */
export async function startBot(
  discord: FakeDiscord,
  dataDir: string,
  discordOverrides: Partial<DiscordConfig> = {},
) {
  const discordConfig = {
    ...loadDiscordConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl })!,
    ...discordOverrides,
  };
  const app = await createBotContext({
    dataDir,
    logLevel: 'silent',
    playerWorker: false,
    discord: discordConfig,
  });
  await app.init();
  const client = app.get(Client);
  if (!client.isReady()) await once(client, 'clientReady', { signal: AbortSignal.timeout(120_000) });
  return app;
}

/** Waits until every guild is in the guilds read model (registered from its GUILD_CREATE). */
export async function waitForGuilds(
  app: INestApplicationContext,
  guildIds: readonly string[],
  timeoutMs = 120_000,
) {
  const guilds = app.get(GuildsReadModel);
  const deadline = Date.now() + timeoutMs;
  for (const id of guildIds) {
    while (!guilds.get(id)) {
      if (Date.now() > deadline) throw new Error(`guild ${id} never registered`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** A GUILD_MEMBER_ADD of a fresh user, kept in the local Discord's data too. */
export function memberAdd(discord: FakeDiscord, guildId: string, username: string): string {
  const user = discord.addUser(username);
  const member = apiMember(user, [], new Date().toISOString());
  discord.state.guild(guildId)!.members.set(user.id, member);
  discord.dispatch(guildId, 'GUILD_MEMBER_ADD', { ...member, guild_id: guildId });
  return user.id;
}

/** Resolves when the guild's read-model member count reaches `count`; the time it took, in ms. */
export async function memberCountReached(
  app: INestApplicationContext,
  guildId: string,
  count: number,
  timeoutMs = 60_000,
): Promise<void> {
  const guilds = app.get(GuildsReadModel);
  const deadline = Date.now() + timeoutMs;
  while ((guilds.get(guildId)?.memberCount ?? -1) < count) {
    if (Date.now() > deadline) throw new Error(`guild ${guildId} never reached ${count} members`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The stream's last stored position, for waiting on a projection. */
export async function lastPosition(app: INestApplicationContext, guildId: string): Promise<number> {
  return (
    await app.get(EventStore).readStream(guildStreamId(guildId), { direction: 'backwards', maxCount: 1 })
  )[0].position;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function heapAndRss(): { heapMiB: number; rssMiB: number } {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMiB: heapUsed / 2 ** 20, rssMiB: rss / 2 ** 20 };
}
