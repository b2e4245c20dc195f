import {
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIRole,
  type GatewayGuildCreateDispatchData,
  type GatewayPresenceUpdate,
  type GatewayVoiceState,
} from 'discord-api-types/v10';

/** The guild object REST answers with (`GET /guilds/{id}`): no members, channels or presences. */
export function apiGuild(
  guild: { id: string; name: string; ownerId: string; features: string[] },
  roles: APIRole[],
): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles,
    emojis: [],
    stickers: [],
    features: guild.features as APIGuild['features'],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US' as APIGuild['preferred_locale'],
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    incidents_data: null,
  };
}

export interface GuildCreateParts {
  guild: APIGuild;
  joinedAt: string;
  memberCount: number;
  members: APIGuildMember[];
  channels: APIChannel[];
  presences: GatewayPresenceUpdate[];
  voiceStates: GatewayVoiceState[];
}

/** The GUILD_CREATE a shard receives for each of its guilds after READY (or when the bot joins one). */
export function guildCreate(parts: GuildCreateParts): GatewayGuildCreateDispatchData {
  return {
    ...parts.guild,
    joined_at: parts.joinedAt,
    large: parts.memberCount > 250,
    unavailable: false,
    member_count: parts.memberCount,
    members: parts.members,
    channels: parts.channels as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: parts.presences,
    voice_states: parts.voiceStates,
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
