import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ChangeSettingsCommand, GetGuildQuery, UsageRecordingCommandBus, afterWrite } from '#core';
import { DomainError, type SettingsChanges } from '#domain';
import type { GuildView } from '#projections';
import type { DiscordInvocation } from '../discord-invocation';
import type { DiscordReply } from '../discord-reply';
import { requireManageGuild } from '../permissions';
import { QueryUsage } from '../query-usage';

const channel = (id: string | null) => (id === null ? 'off' : `<#${id}>`);
const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');
const code = (text: string) => `\`${text.replace(/`/g, 'ˋ')}\``;

/**
 * The settings commands, the same for `/prefix` and `h!prefix`: each builds the ChangeSettingsCommand
 * that `POST /v2/servers/{id}/settings` builds, for members who may manage the server, and answers
 * with the setting as the read model has it after the change.
 */
@Injectable()
export class SettingsActions {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
    private readonly usage: QueryUsage,
  ) {}

  async prefix(invocation: DiscordInvocation, prefix: string): Promise<DiscordReply> {
    const guild = await this.change(invocation, 'prefix', { prefix });
    return { content: `✅ Prefix set: commands now start with ${code(guild.settings.prefix)}.` };
  }

  async welcomeChannel(invocation: DiscordInvocation, channelId: string | null): Promise<DiscordReply> {
    const guild = await this.change(invocation, 'welcome', { welcomeChannelId: channelId });
    return { content: `✅ Welcome messages: ${channel(guild.settings.welcomeChannelId)}.` };
  }

  async modLogChannel(invocation: DiscordInvocation, channelId: string | null): Promise<DiscordReply> {
    const guild = await this.change(invocation, 'modlog', { modLogChannelId: channelId });
    return { content: `✅ Moderation log: ${channel(guild.settings.modLogChannelId)}.` };
  }

  async autoMod(invocation: DiscordInvocation, enabled: boolean): Promise<DiscordReply> {
    const guild = await this.change(invocation, 'automod', { autoMod: { enabled } });
    return { content: `✅ Auto-moderation ${onOff(guild.settings.autoMod.enabled)}.` };
  }

  async spamProtection(invocation: DiscordInvocation, enabled: boolean): Promise<DiscordReply> {
    const guild = await this.change(invocation, 'spam', { autoMod: { spamProtection: enabled } });
    return { content: `✅ Spam protection ${onOff(guild.settings.autoMod.spamProtection)}.` };
  }

  /** Adds a word to the filter. The list is read, then written whole, as the REST body does. */
  async addFilteredWord(invocation: DiscordInvocation, word: string): Promise<DiscordReply> {
    const current = await this.current(invocation, 'wordfilter');
    const wordFilter = [...current.settings.autoMod.wordFilter, word];
    const guild = await this.change(invocation, 'wordfilter', { autoMod: { wordFilter } });
    return { content: `✅ Filtered words: ${guild.settings.autoMod.wordFilter.length}.`, ephemeral: true };
  }

  async removeFilteredWord(invocation: DiscordInvocation, word: string): Promise<DiscordReply> {
    const current = await this.current(invocation, 'wordfilter');
    const unwanted = word.trim().toLowerCase();
    const words = current.settings.autoMod.wordFilter;
    if (!words.includes(unwanted)) {
      throw new DomainError(
        'not_found',
        'word_not_filtered',
        `${code(unwanted)} is not in the word filter`,
        'word',
      );
    }
    const wordFilter = words.filter((w) => w !== unwanted);
    const guild = await this.change(invocation, 'wordfilter', { autoMod: { wordFilter } });
    return { content: `✅ Filtered words: ${guild.settings.autoMod.wordFilter.length}.`, ephemeral: true };
  }

  /** The filtered words are for moderators' eyes: ephemeral. */
  async listFilteredWords(invocation: DiscordInvocation): Promise<DiscordReply> {
    const guild = await this.current(invocation, 'wordfilter');
    await this.usage.record(invocation, guild.id, 'wordfilter', 'moderation');
    const words = guild.settings.autoMod.wordFilter;
    const list = words.length === 0 ? 'The word filter is empty.' : words.map(code).join(', ');
    return { content: `🚫 Filtered words (${words.length}): ${list}`, ephemeral: true };
  }

  private async change(invocation: DiscordInvocation, command: string, changes: SettingsChanges) {
    const guildId = requireManageGuild(invocation, command);
    const result = await this.commandBus.execute(
      new ChangeSettingsCommand(guildId, changes, invocation.context),
    );
    return this.guild(await this.queryBus.execute(new GetGuildQuery(guildId, afterWrite(result.position))));
  }

  private async current(invocation: DiscordInvocation, command: string): Promise<GuildView> {
    const guildId = requireManageGuild(invocation, command);
    return this.guild(await this.queryBus.execute(new GetGuildQuery(guildId)));
  }

  private guild(view: GuildView | null): GuildView {
    if (!view) throw new DomainError('not_found', 'guild_not_found', 'this server is not registered yet');
    return view;
  }
}
