import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** The player worker reports that audio began for a queued (or the current) track. */
export class StartTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly trackId: string,
    readonly positionMs: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
