import { Command } from '@nestjs/cqrs';
import type { RegisterBot } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Registers a bot or brings its details and metadata up to date; idempotent. */
export class RegisterBotCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly registration: Omit<RegisterBot, 'type' | 'botId'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
