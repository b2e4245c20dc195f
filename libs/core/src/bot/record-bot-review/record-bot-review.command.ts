import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Records a user's review of an approved bot; a later review by the same user replaces it. */
export class RecordBotReviewCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly userId: string,
    readonly rating: number,
    readonly text: string | null | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
