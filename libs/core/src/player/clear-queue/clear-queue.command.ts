import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Empties the queue; the current track plays on. */
export class ClearQueueCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
