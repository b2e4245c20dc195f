import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Connects the player to a voice channel of the guild (or moves it there). */
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
