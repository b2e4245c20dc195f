import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Records the guild count an approved bot reports. */
export class ReportGuildCountCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly guildCount: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
