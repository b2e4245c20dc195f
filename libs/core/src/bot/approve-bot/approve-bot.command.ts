import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Lists a bot in the directory; approving an approved bot changes nothing. */
export class ApproveBotCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
