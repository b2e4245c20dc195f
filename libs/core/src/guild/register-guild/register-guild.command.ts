import { Command } from '@nestjs/cqrs';
import type { GuildProfile } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Registers a guild or brings its profile up to date; idempotent. */
export class RegisterGuildCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly profile: GuildProfile,
    readonly context: CommandContext,
  ) {
    super();
  }
}
