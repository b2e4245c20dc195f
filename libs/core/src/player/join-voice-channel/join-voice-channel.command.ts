import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Connects the player to a voice channel of the guild (or moves it there). */
@CountsAsUsage('join', 'music')
export class JoinVoiceChannelCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly channelId: string,
    readonly requestedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
