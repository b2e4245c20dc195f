import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Moves playback of the current track to a position in ms. */
@CountsAsUsage('seek', 'music')
export class SeekTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly positionMs: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
