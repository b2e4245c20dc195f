import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Pauses the current track at its live position. */
export class PausePlaybackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
