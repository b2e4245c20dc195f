import { Command } from '@nestjs/cqrs';
import type { SettingsChanges } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Changes some of a guild's settings; only what differs is recorded. */
export class ChangeSettingsCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly changes: SettingsChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
