import { Command } from '@nestjs/cqrs';
import type { UserProfile } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Records what the platform knows of a Discord user; idempotent. */
export class RecordUserProfileCommand extends Command<CommandResult> {
  constructor(
    readonly userId: string,
    readonly profile: UserProfile,
    readonly context: CommandContext,
  ) {
    super();
  }
}
