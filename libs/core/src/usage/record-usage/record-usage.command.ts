import { Command } from '@nestjs/cqrs';
import type { UsageCommand } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** A usage fact as a door reports it; the guild comes from the command. */
export type UsageFact = UsageCommand extends infer C
  ? C extends UsageCommand
    ? Omit<C, 'guildId'>
    : never
  : never;

/**
 * Records usage facts of one guild in one append (`usage-{guildId}`). With `eventIds` (one per fact)
 * a repeated call writes nothing: the Discord door's retries and the demo rely on it.
 */
export class RecordUsageCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly facts: readonly UsageFact[],
    readonly context: CommandContext,
    readonly eventIds?: readonly string[],
  ) {
    super();
  }
}
