import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Plays the last ended track again; the current one is queued right after it. */
export class PlayPreviousCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
