import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Puts the queue in a random order (the current track plays on). */
@CountsAsUsage('shuffle', 'music')
export class ShuffleQueueCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
