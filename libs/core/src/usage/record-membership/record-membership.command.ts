import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** A member joined or left a guild (the Discord gateway, or the demo's history). */
export class RecordMembershipCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly userId: string,
    readonly joined: boolean,
    readonly context: CommandContext,
    readonly options: { readonly bot?: boolean; readonly at?: string } = {},
  ) {
    super();
  }
}
