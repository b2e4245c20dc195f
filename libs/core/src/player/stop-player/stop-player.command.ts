import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Destroys the player: ends the current track, clears the queue, leaves the voice channel. */
export class StopPlayerCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
