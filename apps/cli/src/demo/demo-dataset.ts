import type { GuildProfile, SettingsChanges } from '#domain';

export interface DemoGuild {
  readonly seed: string;
  readonly guildId: string;
  readonly profile: GuildProfile;
  readonly settings?: SettingsChanges;
}

/**
 * Guilds taken from the seeds' own examples, so every documented request works on a fresh instance.
 * Where a seed leaves a field out (an owner, a name) the value is ours and fixed, never random.
 */
export const DEMO_GUILDS: readonly DemoGuild[] = [
  {
    seed: 'hexify',
    guildId: '123456789012345678',
    profile: {
      name: 'My Discord Server',
      ownerId: '210987654321098765',
      memberCount: 1250,
      botCount: 12,
      onlineCount: 640,
      premium: true,
      features: ['music', 'moderation', 'analytics'],
    },
    settings: { prefix: 'h!', welcomeChannelId: '987654321098765432' },
  },
  {
    // Hexify's JavaScript example fetches /v2/servers/123456789.
    seed: 'hexify',
    guildId: '123456789',
    profile: {
      name: 'Hexify Example Server',
      ownerId: '210987654321098765',
      memberCount: 42,
      botCount: 2,
      onlineCount: 17,
      premium: false,
      features: ['music'],
    },
    settings: { prefix: 'h!' },
  },
  {
    // Hush's user 123456 is an Admin; here it also owns server 123456, whose stats the seed shows.
    seed: 'hush',
    guildId: '123456',
    profile: {
      name: 'Hush Community',
      ownerId: '123456',
      memberCount: 120,
      botCount: 5,
      onlineCount: 95,
      premium: false,
      features: ['moderation'],
    },
  },
  {
    seed: 'botnexus',
    guildId: '1029384756',
    profile: {
      name: 'BotNexus Partner Server',
      ownerId: '5647382910',
      memberCount: 1500,
      botCount: 20,
      onlineCount: 482,
      premium: true,
      features: ['analytics'],
    },
  },
  {
    // Elixir's samples: guild 766045633697021973, voice channel …978, user 460177285954142208.
    seed: 'elixir',
    guildId: '766045633697021973',
    profile: {
      name: 'Elixir Music Lounge',
      ownerId: '460177285954142208',
      memberCount: 300,
      botCount: 3,
      onlineCount: 85,
      premium: false,
      features: ['music'],
    },
  },
];
