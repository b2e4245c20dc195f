import { Command } from '@nestjs/cqrs';
import type { SettingsChanges } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Changes some of a guild's settings; only what differs is recorded. */
@CountsAsUsage('settings', 'utility')
export class ChangeSettingsCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly changes: SettingsChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
