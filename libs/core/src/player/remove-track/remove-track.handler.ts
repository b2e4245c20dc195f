import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { RemoveTrackCommand } from './remove-track.command';

@CommandHandler(RemoveTrackCommand)
export class RemoveTrackHandler implements ICommandHandler<RemoveTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, trackId, context }: RemoveTrackCommand) {
    return decidePlayer(this.store, { type: 'RemoveTrack', guildId, trackId }, context);
  }
}
