import { once } from 'node:events';
import { Client } from 'discord.js';
import { loadDiscordConfig, type GuildhallConfig, type DiscordConfig } from '#config';
import type { FakeDiscord } from './discord/index';
import { startTestApp, type TestApp } from './test-app';

export interface BotTestApp extends TestApp {
  /** The discord.js client Necord runs inside Guildhall, ready (READY received on every shard). */
  readonly client: Client;
}

/**
 * Guildhall with its Discord door logged in to the local Discord, the way `DISCORD_TOKEN` and
 * `DISCORD_API_URL` configure it in production.
 */
export async function startBotTestApp(
  discord: FakeDiscord,
  discordOverrides: Partial<DiscordConfig> = {},
  overrides: Partial<GuildhallConfig> = {},
): Promise<BotTestApp> {
  const defaults = loadDiscordConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl });
  const config: DiscordConfig = { ...defaults!, ...discordOverrides };
  const app = await startTestApp({ discord: config, playerWorker: false, ...overrides });
  const client = app.app.get(Client);
  if (!client.isReady()) await once(client, 'clientReady', { signal: AbortSignal.timeout(10_000) });
  return { ...app, client };
}
