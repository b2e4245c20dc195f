import { GatewayIntentBits, Partials } from 'discord.js';
import type { NecordModuleOptions } from 'necord';
import type { DiscordConfig } from '#config';

/**
 * The gateway intents the bot asks for, each for what it feeds. Members, presences and message
 * content are privileged: enable them for the application in Discord's developer portal.
 */
export const BOT_INTENTS = [
  // Guilds, channels and roles: GUILD_CREATE registers and reconciles each guild.
  GatewayIntentBits.Guilds,
  // Joins, leaves and member updates: Hexify's growth, Hush's member and bot counts and users (privileged).
  GatewayIntentBits.GuildMembers,
  // Presences: Hush's online count, sampled (privileged).
  GatewayIntentBits.GuildPresences,
  // Who is in which voice channel: /play, Elixir's join check, the voice player.
  GatewayIntentBits.GuildVoiceStates,
  // Guild messages: member activity for analytics, prefix commands, auto-moderation.
  GatewayIntentBits.GuildMessages,
  // Their text, which prefix commands and the word filter read (privileged).
  GatewayIntentBits.MessageContent,
  // Direct messages: `h!api-key` sends an account key by DM.
  GatewayIntentBits.DirectMessages,
] as const;

/** The discord.js client Necord runs, pointed at `DISCORD_API_URL` and at this process's shards. */
export function necordOptions(config: DiscordConfig): NecordModuleOptions {
  return {
    token: config.token,
    intents: [...BOT_INTENTS],
    // DM channels are not cached before their first message; without this discord.js drops DMs.
    // Members of large guilds are not all cached; without GuildMember their leaves would be dropped.
    partials: [Partials.Channel, Partials.GuildMember],
    rest: { api: config.apiUrl },
    shards: config.shardIds ? [...config.shardIds] : 'auto',
    ...(config.shards === 'auto' ? {} : { shardCount: config.shards }),
    development: config.devGuildId ? [config.devGuildId] : false,
  };
}
