import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { ClearQueueCommand } from './clear-queue.command';

@CommandHandler(ClearQueueCommand)
export class ClearQueueHandler implements ICommandHandler<ClearQueueCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: ClearQueueCommand) {
    return decidePlayer(this.store, { type: 'ClearQueue', guildId }, context);
  }
}
