import { Command } from '@nestjs/cqrs';
import type { RegisterDeveloper } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Registers a developer or brings their verification, badge and API tier up to date; idempotent. */
export class RegisterDeveloperCommand extends Command<CommandResult> {
  constructor(
    readonly username: string,
    readonly status: Omit<RegisterDeveloper, 'type' | 'username'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
