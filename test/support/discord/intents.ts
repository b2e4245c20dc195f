import { GatewayIntentBits } from 'discord-api-types/v10';

export { GatewayIntentBits };

export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

export const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((all, bit) => all | bit, 0);

export function has(intents: number, bit: GatewayIntentBits): boolean {
  return (intents & bit) === bit;
}

// Which intent a shard needs to receive an event, as in Discord's intents list. Events not listed
// (READY, RESUMED, INTERACTION_CREATE, USER_UPDATE…) are always sent.
const GUILD_EVENT_INTENTS: Record<string, GatewayIntentBits> = {
  GUILD_CREATE: GatewayIntentBits.Guilds,
  GUILD_UPDATE: GatewayIntentBits.Guilds,
  GUILD_DELETE: GatewayIntentBits.Guilds,
  GUILD_ROLE_CREATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_UPDATE: GatewayIntentBits.Guilds,
  GUILD_ROLE_DELETE: GatewayIntentBits.Guilds,
  CHANNEL_CREATE: GatewayIntentBits.Guilds,
  CHANNEL_UPDATE: GatewayIntentBits.Guilds,
  CHANNEL_DELETE: GatewayIntentBits.Guilds,
  GUILD_MEMBER_ADD: GatewayIntentBits.GuildMembers,
  GUILD_MEMBER_UPDATE: GatewayIntentBits.GuildMembers,
  GUILD_MEMBER_REMOVE: GatewayIntentBits.GuildMembers,
  GUILD_BAN_ADD: GatewayIntentBits.GuildModeration,
  GUILD_BAN_REMOVE: GatewayIntentBits.GuildModeration,
  VOICE_STATE_UPDATE: GatewayIntentBits.GuildVoiceStates,
  PRESENCE_UPDATE: GatewayIntentBits.GuildPresences,
  MESSAGE_CREATE: GatewayIntentBits.GuildMessages,
  MESSAGE_UPDATE: GatewayIntentBits.GuildMessages,
  MESSAGE_DELETE: GatewayIntentBits.GuildMessages,
  MESSAGE_DELETE_BULK: GatewayIntentBits.GuildMessages,
  MESSAGE_REACTION_ADD: GatewayIntentBits.GuildMessageReactions,
  MESSAGE_REACTION_REMOVE: GatewayIntentBits.GuildMessageReactions,
  TYPING_START: GatewayIntentBits.GuildMessageTyping,
};

const DM_EVENT_INTENTS: Record<string, GatewayIntentBits> = {
  MESSAGE_CREATE: GatewayIntentBits.DirectMessages,
  MESSAGE_UPDATE: GatewayIntentBits.DirectMessages,
  MESSAGE_DELETE: GatewayIntentBits.DirectMessages,
  CHANNEL_PINS_UPDATE: GatewayIntentBits.DirectMessages,
  MESSAGE_REACTION_ADD: GatewayIntentBits.DirectMessageReactions,
  TYPING_START: GatewayIntentBits.DirectMessageTyping,
};

/** Whether a shard identified with `intents` receives event `type` (from a guild, or a DM when no guild). */
export function receives(intents: number, type: string, inGuild: boolean): boolean {
  const needed = (inGuild ? GUILD_EVENT_INTENTS : DM_EVENT_INTENTS)[type];
  return needed === undefined || has(intents, needed);
}

const CONTENT_FIELDS = { content: '', embeds: [], attachments: [], components: [] };

/**
 * Without the Message Content intent Discord blanks content, embeds, attachments and components,
 * except in DMs, in messages that mention the bot, and in the bot's own messages.
 */
export function withoutContentUnlessAllowed(
  intents: number,
  type: string,
  data: unknown,
  botId: string,
): unknown {
  if (has(intents, GatewayIntentBits.MessageContent)) return data;
  if (type !== 'MESSAGE_CREATE' && type !== 'MESSAGE_UPDATE') return data;
  const message = data as { guild_id?: string; author?: { id: string }; mentions?: { id: string }[] };
  if (!message.guild_id || message.author?.id === botId) return data;
  if (message.mentions?.some((user) => user.id === botId)) return data;
  return { ...message, ...CONTENT_FIELDS };
}
