import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Moves a queued track to another position of the queue (0 plays next). */
@CountsAsUsage('move', 'music')
export class MoveTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly trackId: string,
    readonly toIndex: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
