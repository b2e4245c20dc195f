import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { ResumePlaybackCommand } from './resume-playback.command';

@CommandHandler(ResumePlaybackCommand)
export class ResumePlaybackHandler implements ICommandHandler<ResumePlaybackCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, context }: ResumePlaybackCommand) {
    return decidePlayer(this.store, { type: 'ResumePlayback', guildId }, context);
  }
}
