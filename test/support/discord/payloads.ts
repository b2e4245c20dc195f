import {
  ChannelType,
  MessageType,
  type APIChannel,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GatewayPresenceUpdate,
  type GatewayVoiceState,
  type PresenceUpdateReceiveStatus,
} from 'discord-api-types/v10';

// Builders of the objects Discord's API v10 sends, typed by discord-api-types so a missing field
// is a compile error rather than a surprise inside discord.js.

export function apiUser(id: string, username: string, bot = false): APIUser {
  return { id, username, global_name: bot ? null : username, discriminator: '0', avatar: null, bot };
}

export function apiRole(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    permissions: permissions.toString(),
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function apiMember(
  user: APIUser,
  roles: string[],
  joinedAt: string,
  nick: string | null = null,
): APIGuildMember {
  return {
    user,
    nick,
    roles,
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    communication_disabled_until: null,
  };
}

export function apiChannel(
  id: string,
  guildId: string,
  name: string,
  type: ChannelType,
  position: number,
): APIChannel {
  const base = {
    id,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    flags: 0 as ChannelFlags,
    parent_id: null,
  };
  if (type === ChannelType.GuildVoice || type === ChannelType.GuildStageVoice) {
    return { ...base, type, bitrate: 64_000, user_limit: 0, rtc_region: null, nsfw: false } as APIChannel;
  }
  return {
    ...base,
    type,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
  } as APIChannel;
}

export function apiDmChannel(id: string, recipient: APIUser): APIChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    recipients: [recipient],
    last_message_id: null,
    flags: 0 as ChannelFlags,
  };
}

export function presence(
  user: APIUser,
  guildId: string,
  text: `${PresenceUpdateReceiveStatus}`,
): GatewayPresenceUpdate {
  const status = text as PresenceUpdateReceiveStatus;
  return {
    user: { id: user.id },
    guild_id: guildId,
    status,
    activities: [],
    client_status: { desktop: status },
  };
}

export function voiceState(
  guildId: string,
  channelId: string | null,
  member: APIGuildMember,
): GatewayVoiceState {
  return {
    guild_id: guildId,
    channel_id: channelId,
    user_id: member.user.id,
    member,
    session_id: `voice-${member.user.id}`,
    deaf: false,
    mute: false,
    self_deaf: false,
    self_mute: false,
    self_video: false,
    suppress: false,
    request_to_speak_timestamp: null,
  };
}

export interface MessageParts {
  id: string;
  channelId: string;
  guildId?: string;
  author: APIUser;
  member?: APIGuildMember;
  content: string;
  body?: Record<string, unknown>;
}

/** A message as MESSAGE_CREATE and `POST /channels/{id}/messages` carry it. */
export function apiMessage(parts: MessageParts): APIMessage & { guild_id?: string; member?: unknown } {
  const { member, guildId } = parts;
  return {
    embeds: [],
    components: [],
    ...(parts.body as Partial<APIMessage>),
    id: parts.id,
    channel_id: parts.channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    ...(member ? { member: { ...member, user: undefined } } : {}),
    author: parts.author,
    content: parts.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    type: MessageType.Default,
  };
}
