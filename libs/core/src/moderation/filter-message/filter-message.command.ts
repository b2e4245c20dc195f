import { Command } from '@nestjs/cqrs';
import type { FilterMessage } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * Records that the word filter removed a message (its term, not its text). No event when the message
 * was already filtered: the door acts on Discord only when `eventTypes` is not empty.
 */
export class FilterMessageCommand extends Command<CommandResult> {
  constructor(
    readonly filtering: Omit<FilterMessage, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }

  get guildId(): string {
    return this.filtering.guildId;
  }
}
