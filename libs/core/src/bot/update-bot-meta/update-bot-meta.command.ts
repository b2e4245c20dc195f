import { Command } from '@nestjs/cqrs';
import type { BotMeta } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Changes some of a bot's public metadata (tags, short description, invite URL); only what differs is recorded. */
export class UpdateBotMetaCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly changes: Partial<BotMeta>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
