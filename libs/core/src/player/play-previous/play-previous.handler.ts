import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { PlayPreviousCommand } from './play-previous.command';

@CommandHandler(PlayPreviousCommand)
export class PlayPreviousHandler implements ICommandHandler<PlayPreviousCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: PlayPreviousCommand) {
    return decidePlayer(this.store, { type: 'PlayPrevious', guildId }, context);
  }
}
