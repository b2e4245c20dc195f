import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Turns fair share on or off: requesters take turns instead of first come, first served. */
export class SetFairShareCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly enabled: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}
