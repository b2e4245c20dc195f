import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Sets the volume, a whole number from 0 to 100. */
export class SetVolumeCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly volume: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
