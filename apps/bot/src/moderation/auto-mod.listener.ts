import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Message } from 'discord.js';
import { Context, On, type ContextOf } from 'necord';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  FilterMessageCommand,
  TimeOutMemberCommand,
  UsageRecordingCommandBus,
  systemContext,
  type CommandContext,
} from '#core';
import { SpamWindow } from '#domain';
import { isExemptAuthor, isModerator } from './exemptions';
import { GuildModerationSettingsSource, type GuildModerationSettings } from './guild-moderation-settings';
import { filteredLine, timedOutLine } from './mod-log-lines';
import { ModerationPoster } from './mod-log';

type GuildMessage = Message<true>;

/** Auto-moderation acts as the system through the Discord door; the member it acted on is in the event. */
const automodContext = (): CommandContext => systemContext('discord', 'automod');

/**
 * Enforces a guild's auto-moderation on each message (MESSAGE_CREATE): the word filter removes
 * messages holding a listed term, spam protection times out members who post too fast. Each action
 * is decided and recorded first; Discord is acted on only when something new was recorded, so a
 * redelivered message or a burst that trips the rule twice acts once.
 */
@Injectable()
export class AutoModListener {
  private readonly logger = new Logger('AutoMod');
  private readonly spam: SpamWindow;

  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly settings: GuildModerationSettingsSource,
    private readonly poster: ModerationPoster,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {
    const { spamMessages, spamWindowSeconds } = config.autoMod;
    this.spam = new SpamWindow({ messages: spamMessages, windowMs: spamWindowSeconds * 1000 });
  }

  @On('messageCreate')
  async onMessage(@Context() [message]: ContextOf<'messageCreate'>): Promise<void> {
    if (!message.inGuild() || isExemptAuthor(message.author, message.webhookId)) return;
    try {
      const settings = await this.settings.get(message.guildId);
      if (!settings?.autoMod.enabled) return;
      const member = message.member ?? (await message.guild.members.fetch(message.author.id));
      if (isModerator(member)) return;
      const term = settings.wordFilter.firstMatch(message.content);
      if (term !== null) await this.filter(message, term, settings);
      const spamKey = `${message.guildId}:${message.author.id}`;
      if (settings.autoMod.spamProtection && this.spam.count(spamKey, message.createdTimestamp)) {
        await this.timeOut(message, settings);
      }
    } catch (error) {
      this.logger.error(`auto-moderation failed on message ${message.id} in guild ${message.guildId}`, error);
    }
  }

  private async filter(message: GuildMessage, term: string, settings: GuildModerationSettings) {
    const { guildId, channelId, id: messageId, author } = message;
    const result = await this.commandBus.execute(
      new FilterMessageCommand({ guildId, channelId, messageId, userId: author.id, term }, automodContext()),
    );
    if (result.eventTypes.length === 0) return;
    await message.delete().catch((error: unknown) => {
      this.logger.warn(`could not delete message ${messageId} in guild ${guildId}: ${String(error)}`);
    });
    await this.poster.toModLog(
      message.guild,
      settings.modLogChannelId,
      filteredLine(author.id, channelId, term),
    );
  }

  private async timeOut(message: GuildMessage, settings: GuildModerationSettings) {
    const { spamMessages: messages, spamWindowSeconds: windowSeconds, timeoutSeconds } = this.config.autoMod;
    const timeout = { durationSeconds: timeoutSeconds, messages, windowSeconds };
    const { guildId, channelId, author } = message;
    const result = await this.commandBus.execute(
      new TimeOutMemberCommand(
        { guildId, channelId, userId: author.id, reason: 'spam', ...timeout },
        automodContext(),
      ),
    );
    if (result.eventTypes.length === 0) return;
    const reason = `Spam protection: ${messages} messages in ${windowSeconds} s`;
    const member = message.member ?? (await message.guild.members.fetch(author.id));
    await member.timeout(timeoutSeconds * 1000, reason).catch((error: unknown) => {
      this.logger.warn(`could not time out member ${author.id} in guild ${guildId}: ${String(error)}`);
    });
    await this.poster.toModLog(
      message.guild,
      settings.modLogChannelId,
      timedOutLine(author.id, channelId, timeout),
    );
  }
}
