import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Ends the current track as skipped; with `trackId`, only if that one is still playing. */
export class SkipTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
    readonly trackId?: string,
  ) {
    super();
  }
}
