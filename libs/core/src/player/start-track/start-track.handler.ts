import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { StartTrackCommand } from './start-track.command';

@CommandHandler(StartTrackCommand)
export class StartTrackHandler implements ICommandHandler<StartTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, trackId, positionMs, context }: StartTrackCommand) {
    return decidePlayer(this.store, { type: 'StartTrack', guildId, trackId, positionMs }, context);
  }
}
