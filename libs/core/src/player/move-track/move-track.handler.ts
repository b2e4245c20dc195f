import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { MoveTrackCommand } from './move-track.command';

@CommandHandler(MoveTrackCommand)
export class MoveTrackHandler implements ICommandHandler<MoveTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, trackId, toIndex, context }: MoveTrackCommand) {
    return decidePlayer(this.store, { type: 'MoveTrack', guildId, trackId, toIndex }, context);
  }
}
