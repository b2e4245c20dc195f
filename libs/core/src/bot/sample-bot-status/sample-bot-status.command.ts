import { Command } from '@nestjs/cqrs';
import type { SampleBotStatus } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** Records one health probe of a bot (latency, online, commands answering). */
export class SampleBotStatusCommand extends Command<CommandResult> {
  constructor(
    readonly botId: string,
    readonly sample: Omit<SampleBotStatus, 'type' | 'botId'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
