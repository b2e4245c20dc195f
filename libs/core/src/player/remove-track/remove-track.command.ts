import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Removes a track from the queue. */
export class RemoveTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly trackId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
