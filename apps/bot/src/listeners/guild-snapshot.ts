import type { Guild, GuildMember, PartialGuildMember } from 'discord.js';
import type { GatewayGuildSnapshot } from '#domain';

/** The members discord.js holds as online (any status but offline) in a guild. */
export function onlineMemberIds(guild: Guild): string[] {
  return guild.presences.cache.filter((presence) => presence.status !== 'offline').map((p) => p.userId);
}

/**
 * What the gateway says of a guild, as the domain reads it. The bot count is known only when every
 * member was listed (small guilds; a large one lists only some); the online count only where the
 * caller just received the presences (GUILD_CREATE), else the sampler keeps it.
 */
export function guildSnapshot(guild: Guild, onlineCount?: number): GatewayGuildSnapshot {
  const members = guild.members.cache;
  const everyMemberListed = members.size >= guild.memberCount;
  return {
    name: guild.name,
    ownerId: guild.ownerId,
    memberCount: guild.memberCount,
    botCount: everyMemberListed ? members.filter((m) => m.user.bot).size : undefined,
    onlineCount,
    discordFeatures: [...guild.features],
    roles: guild.roles.cache.map((role) => ({ id: role.id, name: role.name })),
  };
}

/** Hush's users show at most this many role names (the user profile's limit). */
const MAX_ROLE_NAMES = 50;

/** A member's role names, highest first, without @everyone (which every member has). */
export function roleNames(member: GuildMember | PartialGuildMember): string[] {
  const roles = [...member.roles.cache.values()]
    .filter((role) => role.id !== member.guild.id)
    .sort((a, b) => b.position - a.position);
  return [...new Set(roles.map((role) => role.name))].slice(0, MAX_ROLE_NAMES);
}
