import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Ends the current track as skipped; with `trackId`, only if that one is still playing. */
@CountsAsUsage('skip', 'music')
export class SkipTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
    readonly trackId?: string,
  ) {
    super();
  }
}
