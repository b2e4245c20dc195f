import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { UpdateBotMetaCommand } from './update-bot-meta.command';

@CommandHandler(UpdateBotMetaCommand)
export class UpdateBotMetaHandler implements ICommandHandler<UpdateBotMetaCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, changes, context }: UpdateBotMetaCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'UpdateBotMeta', botId, changes },
      context,
    );
  }
}
