import { Injectable, Logger, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Context, On, type ContextOf } from 'necord';
import { GetGuildQuery } from '#core';
import { DEFAULT_GUILD_SETTINGS } from '#domain';
import { KeyActions } from '../../keys/key-actions';
import { keyPrefixCommands } from '../../keys/key-prefix';
import { usage } from '../arguments';
import { replyToMessage } from '../discord-reply';
import { invocationOfMessage } from '../invocation-of';
import { MusicActions } from '../music/music-actions';
import { musicPrefixCommands } from '../music/music-prefix';
import { DiscordRefusalInterceptor } from '../refusal.interceptor';
import { SettingsActions } from '../settings/settings-actions';
import { settingsPrefixCommands } from '../settings/settings-prefix';
import { StatsActions } from '../stats/stats-actions';
import { statsPrefixCommands } from '../stats/stats-prefix';
import { MissingArgumentError, parsePrefixed, type PrefixCommand } from './prefix-command';

/**
 * Prefix commands: a message that starts with the guild's prefix (the default in a DM) and names a
 * command runs the same action as its slash command, and is answered in its channel. Messages that
 * name no command of ours are left alone: other bots may share the prefix.
 */
@Injectable()
@UseInterceptors(DiscordRefusalInterceptor)
export class PrefixCommandsListener {
  private readonly logger = new Logger('PrefixCommands');
  private readonly commands = new Map<string, PrefixCommand>();

  constructor(
    private readonly queryBus: QueryBus,
    music: MusicActions,
    settings: SettingsActions,
    stats: StatsActions,
    keys: KeyActions,
  ) {
    const all = [
      ...musicPrefixCommands(music),
      ...settingsPrefixCommands(settings),
      ...statsPrefixCommands(stats),
      ...keyPrefixCommands(keys),
    ];
    for (const command of all) {
      for (const name of [command.name, ...(command.aliases ?? [])]) this.commands.set(name, command);
    }
  }

  @On('messageCreate')
  async onMessage(@Context() [message]: ContextOf<'messageCreate'>): Promise<void> {
    if (message.author.bot || message.webhookId !== null || message.system) return;
    const prefix = await this.prefixFor(message.guildId).catch((error: unknown) => {
      // Every message asks for the prefix: a failure here must not answer every message with a fault.
      this.logger.warn(`no prefix for guild ${message.guildId}: ${(error as Error).message}`);
      return null;
    });
    if (prefix === null) return;
    const parsed = parsePrefixed(message.content, prefix);
    const command = parsed && this.commands.get(parsed.name);
    if (!parsed || !command) return;
    try {
      await replyToMessage(message, await command.run(invocationOfMessage(message), parsed));
    } catch (error) {
      if (!(error instanceof MissingArgumentError)) throw error;
      throw usage(`${prefix}${command.name}${command.usage ? ` ${command.usage}` : ''}`);
    }
  }

  private async prefixFor(guildId: string | null): Promise<string> {
    if (guildId === null) return DEFAULT_GUILD_SETTINGS.prefix;
    const guild = await this.queryBus.execute(new GetGuildQuery(guildId));
    return guild?.settings.prefix ?? DEFAULT_GUILD_SETTINGS.prefix;
  }
}
