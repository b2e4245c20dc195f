import type { GuildEvent, GuildProfile } from './guild.events';

/** Test fixtures shared by the guild specs. */
export const GUILD_ID = '123456789012345678';

export const profile: GuildProfile = {
  name: 'Hexify Lounge',
  ownerId: '987654321098765432',
  memberCount: 1500,
  botCount: 12,
  onlineCount: 342,
  premium: true,
  features: ['music', 'moderation', 'analytics'],
};

export const registered: GuildEvent = { type: 'GuildRegistered', data: { guildId: GUILD_ID, ...profile } };
