import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { SkipTrackCommand } from './skip-track.command';

@CommandHandler(SkipTrackCommand)
export class SkipTrackHandler implements ICommandHandler<SkipTrackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, trackId, context }: SkipTrackCommand) {
    return decidePlayer(this.store, { type: 'SkipTrack', guildId, trackId }, context);
  }
}
