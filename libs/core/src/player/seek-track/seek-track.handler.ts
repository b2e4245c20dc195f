import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { SeekTrackCommand } from './seek-track.command';

@CommandHandler(SeekTrackCommand)
export class SeekTrackHandler implements ICommandHandler<SeekTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, positionMs, context }: SeekTrackCommand) {
    return decidePlayer(this.store, { type: 'SeekTrack', guildId, positionMs }, context);
  }
}
