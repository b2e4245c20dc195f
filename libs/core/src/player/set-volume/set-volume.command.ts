import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Sets the volume, a whole number from 0 to 100. */
@CountsAsUsage('volume', 'music')
export class SetVolumeCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly volume: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
