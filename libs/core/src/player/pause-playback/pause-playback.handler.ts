import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { PausePlaybackCommand } from './pause-playback.command';

@CommandHandler(PausePlaybackCommand)
export class PausePlaybackHandler implements ICommandHandler<PausePlaybackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: PausePlaybackCommand) {
    return decidePlayer(this.store, { type: 'PausePlayback', guildId }, context);
  }
}
