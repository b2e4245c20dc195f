import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { SampleBotStatusCommand } from './sample-bot-status.command';

@CommandHandler(SampleBotStatusCommand)
export class SampleBotStatusHandler implements ICommandHandler<SampleBotStatusCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, sample, context }: SampleBotStatusCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'SampleBotStatus', botId, ...sample },
      context,
    );
  }
}
