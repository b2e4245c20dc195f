import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { EndTrackCommand } from './end-track.command';

@CommandHandler(EndTrackCommand)
export class EndTrackHandler implements ICommandHandler<EndTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, trackId, reason, positionMs, error, context }: EndTrackCommand) {
    return decidePlayer(
      this.store,
      { type: 'EndTrack', guildId, trackId, reason, positionMs, error },
      context,
    );
  }
}
