import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Leaves the voice channel; the current track ends as stopped, the queue stays. */
@CountsAsUsage('leave', 'music')
export class LeaveVoiceChannelCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly requestedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
