import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Leaves the voice channel; the current track ends as stopped, the queue stays. */
export class LeaveVoiceChannelCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly requestedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
