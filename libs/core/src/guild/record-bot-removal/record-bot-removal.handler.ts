import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RecordBotRemovalCommand } from './record-bot-removal.command';

@CommandHandler(RecordBotRemovalCommand)
export class RecordBotRemovalHandler implements ICommandHandler<RecordBotRemovalCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: RecordBotRemovalCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'RecordBotRemoval', guildId },
      context,
    );
  }
}
