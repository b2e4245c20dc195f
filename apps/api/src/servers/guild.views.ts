import type { GuildView } from '#projections';

/** Settings in the snake_case wire shape shared by Hexify and the canonical API. */
export function settingsBody(guild: GuildView) {
  const { settings } = guild;
  return {
    prefix: settings.prefix,
    welcome_channel: settings.welcomeChannelId,
    mod_log_channel: settings.modLogChannelId,
    auto_mod: {
      enabled: settings.autoMod.enabled,
      spam_protection: settings.autoMod.spamProtection,
      word_filter: [...settings.autoMod.wordFilter],
    },
  };
}

/** Hexify's `GET /v2/servers/{id}` body, with the seed's fields in the seed's order. */
export function hexifyServerBody(guild: GuildView) {
  return {
    id: guild.id,
    name: guild.name,
    member_count: guild.memberCount,
    premium: guild.premium,
    features: [...guild.features],
    settings: settingsBody(guild),
  };
}

/** The canonical `/v1` guild resource: everything Hexify shows, plus owner, counts and revision. */
export function canonicalServerBody(guild: GuildView) {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId,
    member_count: guild.memberCount,
    bot_count: guild.botCount,
    online_count: guild.onlineCount,
    premium: guild.premium,
    features: [...guild.features],
    // The time zone is ours, not Hexify's: only the canonical resource shows it.
    settings: { ...settingsBody(guild), time_zone: guild.settings.timeZone },
    // Null while the bot is in the guild; once removed, the rest is the guild as it was then.
    removed_at: guild.removedAt,
    revision: guild.revision,
    updated_at: guild.updatedAt,
  };
}
