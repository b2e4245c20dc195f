import type { BotCommandSpec } from './bot-command-list.rules';
import type { BotEvent, BotRegistered } from './bot.events';

/** Test fixtures shared by the bot specs: the Bots on Discord seed's bot and reviewer. */
export const BOT_ID = '125367104336691200';
export const OWNER_ID = '437086154215391233';
export const REVIEWER_ID = '210987654321098765';
export const INVITE_URL = `https://discord.com/oauth2/authorize?client_id=${BOT_ID}&scope=bot`;

export const registeredWith = (data: Partial<BotRegistered['data']> = {}): BotEvent => ({
  type: 'BotRegistered',
  data: {
    botId: BOT_ID,
    name: 'AniBot',
    ownerId: OWNER_ID,
    prefix: '!',
    tags: [],
    shortDescription: '',
    inviteUrl: null,
    ...data,
  },
});

export const registered: BotEvent = registeredWith();
export const approved: BotEvent = { type: 'BotApproved', data: { botId: BOT_ID } };

/** The seed's sample command, as valid JSON. */
export const animeCommand = () => ({
  name: 'anime',
  description: 'Shows your information about an anime from [AniList](https://anilist.co)',
  args: [{ text: 'name', type: 'required' }, 'options'],
  cooldown: 5,
  cooldownUnit: 'm',
  aliases: ['ani'],
  examples: ['!anime Toradora'],
  permissions: ['Manage Channel'],
  category: 'Anime Commands',
  prefix: '!',
});

/** A command with only a name, as stored: every other field null. */
export const bareCommand = (name: string): BotCommandSpec => ({
  name,
  description: null,
  args: null,
  cooldown: null,
  cooldownUnit: null,
  aliases: null,
  examples: null,
  permissions: null,
  category: null,
  prefix: null,
});
