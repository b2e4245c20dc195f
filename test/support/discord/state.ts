import type {
  APIApplicationCommand,
  APIChannel,
  APIMessage,
  APIUser,
  GatewayRequestGuildMembersData,
} from 'discord-api-types/v10';
import {
  buildGuild,
  findMember,
  memberCount,
  type GuildSpec,
  type MemberSpec,
  type StoredGuild,
} from './guild-spec';
import { apiDmChannel, apiMessage, apiUser, presence, voiceState, type MessageParts } from './payloads';
import { apiGuild, guildCreate } from './guild-payloads';
import { GatewayIntentBits, has } from './intents';
import { SnowflakeGenerator } from './snowflake';

export interface StoredInteraction {
  id: string;
  token: string;
  applicationId: string;
  channelId: string;
  guildId?: string;
  user: APIUser;
  createdAt: number;
  callbackType?: number;
  /** The `@original` response message, once the bot answered with one. */
  original?: APIMessage;
}

/** Everything the local Discord knows: users, guilds, channels, messages, commands, interactions. */
export class DiscordState {
  readonly ids = new SnowflakeGenerator();
  readonly bot: APIUser;
  readonly application: { id: string; name: string; flags: number };
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, StoredGuild>();
  readonly dmChannels = new Map<string, APIChannel>();
  readonly messages = new Map<string, APIMessage & { guild_id?: string }>();
  /** Registered application commands, by `global` or guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly interactions = new Map<string, StoredInteraction>();

  constructor(botName: string) {
    this.bot = this.addUser(botName, true);
    this.application = { id: this.bot.id, name: botName, flags: 0 };
  }

  addUser(username: string, bot = false, id = this.ids.next()): APIUser {
    const user = this.users.get(id) ?? apiUser(id, username, bot);
    this.users.set(id, user);
    return user;
  }

  addGuild(spec: GuildSpec): StoredGuild {
    const userOf = (member: MemberSpec) => this.addUser(member.username, member.bot ?? false, member.id);
    const guild = buildGuild(spec, () => this.ids.next(), userOf, this.bot);
    this.guilds.set(guild.id, guild);
    return guild;
  }

  guild(id: string): StoredGuild | undefined {
    return this.guilds.get(id);
  }

  /** A guild channel or a DM channel, with the guild it belongs to. */
  channel(id: string): { channel: APIChannel; guild?: StoredGuild } | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.get(id);
      if (channel) return { channel, guild };
    }
    const dm = [...this.dmChannels.values()].find((channel) => channel.id === id);
    return dm && { channel: dm };
  }

  /** The DM channel with a user, made on first use as `POST /users/@me/channels` does. */
  dmChannel(user: APIUser): APIChannel {
    const existing = this.dmChannels.get(user.id);
    if (existing) return existing;
    const channel = apiDmChannel(this.ids.next(), user);
    this.dmChannels.set(user.id, channel);
    return channel;
  }

  createMessage(channelId: string, author: APIUser, content: string, body?: Record<string, unknown>) {
    const guild = this.channel(channelId)?.guild;
    const parts: MessageParts = { id: this.ids.next(), channelId, author, content, body };
    if (guild) Object.assign(parts, { guildId: guild.id, member: guild.members.get(author.id) });
    const message = apiMessage(parts);
    this.messages.set(message.id, message);
    return message;
  }

  /** MESSAGE_CREATE/UPDATE carry `channel_type`, which discord.js needs to place a DM in an uncached channel. */
  gatewayMessage(message: APIMessage) {
    return { ...message, channel_type: this.channel(message.channel_id)?.channel.type };
  }

  restGuild(guild: StoredGuild) {
    return {
      ...apiGuild(guild, [...guild.roles.values()]),
      approximate_member_count: memberCount(guild),
      approximate_presence_count: [...guild.presences.values()].filter((s) => s !== 'offline').length,
    };
  }

  /** GUILD_CREATE as a shard with these intents gets it: presences and other members need their intents. */
  guildCreate(guild: StoredGuild, intents: number) {
    const inVoice = (id: string) => guild.voiceStates.has(id);
    const members = [...guild.members.values()].filter(
      (m) => has(intents, GatewayIntentBits.GuildMembers) || m.user.id === this.bot.id || inVoice(m.user.id),
    );
    const presences = has(intents, GatewayIntentBits.GuildPresences)
      ? [...guild.presences].map(([id, status]) => presence(this.users.get(id)!, guild.id, status))
      : [];
    const voiceStates = has(intents, GatewayIntentBits.GuildVoiceStates)
      ? [...guild.voiceStates].map(([id, channelId]) =>
          voiceState(guild.id, channelId, findMember(guild, id)),
        )
      : [];
    return guildCreate({
      guild: apiGuild(guild, [...guild.roles.values()]),
      joinedAt: guild.joinedAt,
      memberCount: memberCount(guild),
      members,
      channels: [...guild.channels.values()],
      presences,
      voiceStates,
    });
  }

  /** The answer to op 8 (Request Guild Members): one chunk, by user ids or username prefix. */
  memberChunk(request: GatewayRequestGuildMembersData) {
    const guild = this.guilds.get(request.guild_id);
    if (!guild) return null;
    const ids = 'user_ids' in request && request.user_ids ? [request.user_ids].flat() : null;
    const query = ('query' in request ? request.query : '')?.toLowerCase() ?? '';
    const limit = 'limit' in request ? request.limit : 0;
    const matching = [...guild.members.values()].filter((m) =>
      ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query),
    );
    return {
      guild_id: guild.id,
      members: limit ? matching.slice(0, limit) : matching,
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !guild.members.has(id)) : [],
      nonce: request.nonce,
    };
  }
}
