import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** A sample of a guild's live online count; recorded only when it moved. */
export class SampleOnlineCountCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly onlineCount: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
