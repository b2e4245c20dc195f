import { Command } from '@nestjs/cqrs';
import type { GuildProfile } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Changes part of a registered guild's profile (counts, premium, features, …). */
export class UpdateGuildCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly changes: Partial<GuildProfile>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
