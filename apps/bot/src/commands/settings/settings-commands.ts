import { Injectable, UseInterceptors } from '@nestjs/common';
import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { Context, Options, SlashCommand, type SlashCommandContext } from 'necord';
import { answerSlash } from '../answer-slash';
import { DiscordRefusalInterceptor } from '../refusal.interceptor';
import { SettingsActions } from './settings-actions';
import { ChannelSettingOptions, PrefixOptions, SwitchOptions } from './settings.options';

/**
 * Discord shows these only to members with Manage Server (servers can change that, so the actions
 * check the permission again).
 */
export const SETTINGS_COMMAND = {
  contexts: [InteractionContextType.Guild],
  defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
};

/** The settings slash commands: `/prefix`, `/welcome`, `/modlog`, `/automod`, `/spam`. */
@Injectable()
@UseInterceptors(DiscordRefusalInterceptor)
export class SettingsCommands {
  constructor(private readonly settings: SettingsActions) {}

  @SlashCommand({ name: 'prefix', description: "Change the server's command prefix", ...SETTINGS_COMMAND })
  onPrefix(@Context() [interaction]: SlashCommandContext, @Options() { prefix }: PrefixOptions) {
    return answerSlash(interaction, (i) => this.settings.prefix(i, prefix));
  }

  @SlashCommand({ name: 'welcome', description: 'Where welcome messages go', ...SETTINGS_COMMAND })
  onWelcome(@Context() [interaction]: SlashCommandContext, @Options() { channel }: ChannelSettingOptions) {
    return answerSlash(interaction, (i) => this.settings.welcomeChannel(i, channel?.id ?? null));
  }

  @SlashCommand({ name: 'modlog', description: 'Where moderation is logged', ...SETTINGS_COMMAND })
  onModLog(@Context() [interaction]: SlashCommandContext, @Options() { channel }: ChannelSettingOptions) {
    return answerSlash(interaction, (i) => this.settings.modLogChannel(i, channel?.id ?? null));
  }

  @SlashCommand({ name: 'automod', description: 'Turn auto-moderation on or off', ...SETTINGS_COMMAND })
  onAutoMod(@Context() [interaction]: SlashCommandContext, @Options() { enabled }: SwitchOptions) {
    return answerSlash(interaction, (i) => this.settings.autoMod(i, enabled));
  }

  @SlashCommand({ name: 'spam', description: 'Turn spam protection on or off', ...SETTINGS_COMMAND })
  onSpam(@Context() [interaction]: SlashCommandContext, @Options() { enabled }: SwitchOptions) {
    return answerSlash(interaction, (i) => this.settings.spamProtection(i, enabled));
  }
}
