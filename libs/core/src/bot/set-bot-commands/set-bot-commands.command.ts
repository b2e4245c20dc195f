import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Sets (or, with `commands: null`, unsets) a bot's command list from the body as the bot sent it. */
export class SetBotCommandsCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly list: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
