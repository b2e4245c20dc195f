import { Command } from '@nestjs/cqrs';
import type { TrackEndReason } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** The player worker reports that audio stopped on its own: finished or failed. */
export class EndTrackCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly trackId: string,
    readonly reason: TrackEndReason,
    readonly positionMs: number,
    readonly context: CommandContext,
    readonly error?: string,
  ) {
    super();
  }
}
