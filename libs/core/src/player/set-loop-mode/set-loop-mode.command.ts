import { Command } from '@nestjs/cqrs';
import type { LoopMode } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';
import { CountsAsUsage } from '../../usage/counts-as-usage';

/** Loops nothing, the current track or the whole queue. */
@CountsAsUsage('loop', 'music')
export class SetLoopModeCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly mode: LoopMode,
    readonly context: CommandContext,
  ) {
    super();
  }
}
