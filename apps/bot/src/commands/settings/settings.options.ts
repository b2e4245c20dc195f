import { ChannelType, type Channel } from 'discord.js';
import { BooleanOption, ChannelOption, StringOption } from 'necord';
import { GUILD_LIMITS } from '#domain';

// Option DTOs of the settings slash commands.

export class PrefixOptions {
  @StringOption({
    name: 'prefix',
    description: 'What prefix commands start with, e.g. h! or ?',
    required: true,
    min_length: 1,
    max_length: GUILD_LIMITS.prefixMaxLength,
  })
  prefix!: string;
}

export class ChannelSettingOptions {
  @ChannelOption({
    name: 'channel',
    description: 'The text channel; leave it out to turn this off',
    required: false,
    channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  })
  channel?: Channel | null;
}

export class SwitchOptions {
  @BooleanOption({ name: 'enabled', description: 'On or off', required: true })
  enabled!: boolean;
}

export class WordOptions {
  @StringOption({
    name: 'word',
    description: 'A word, matched whole and in any case',
    required: true,
    min_length: 1,
    max_length: GUILD_LIMITS.wordMaxLength,
  })
  word!: string;
}
