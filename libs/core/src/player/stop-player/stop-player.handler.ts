import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { StopPlayerCommand } from './stop-player.command';

@CommandHandler(StopPlayerCommand)
export class StopPlayerHandler implements ICommandHandler<StopPlayerCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: StopPlayerCommand) {
    return decidePlayer(this.store, { type: 'StopPlayer', guildId }, context);
  }
}
