import { once } from 'node:events';
import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { FakeDiscord } from './fake-discord';

/** The intents the Guildhall bot asks for (issue 9); tests narrow them where the point is intents. */
export const BOT_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildPresences,
  GatewayIntentBits.GuildVoiceStates,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];

/** An unmodified discord.js client pointed at the fake only through its public `rest.api` option. */
export function botClient(discord: FakeDiscord, options: Partial<ClientOptions> = {}): Client {
  return new Client({ intents: BOT_INTENTS, ...options, rest: { api: discord.apiUrl, ...options.rest } });
}

/** Logs in and waits for `clientReady` (all shards READY and their GUILD_CREATEs received). */
export async function readyBot(discord: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = botClient(discord, options);
  const ready = once(client, 'clientReady');
  try {
    await client.login(discord.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}

/** The next `name` event of the client, or a rejection after `timeoutMs` so a missing event fails fast. */
export function nextEvent<T extends unknown[] = unknown[]>(
  client: Client,
  name: string,
  timeoutMs = 5_000,
): Promise<T> {
  return once(client, name, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<T>;
}
