import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Removes a track from the queue. */
@CountsAsUsage('remove', 'music')
export class RemoveTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly trackId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
