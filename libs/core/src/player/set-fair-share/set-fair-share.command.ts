import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Turns fair share on or off: requesters take turns instead of first come, first served. */
@CountsAsUsage('fairshare', 'music')
export class SetFairShareCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly enabled: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
