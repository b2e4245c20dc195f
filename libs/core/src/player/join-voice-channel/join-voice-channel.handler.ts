import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { JoinVoiceChannelCommand } from './join-voice-channel.command';

@CommandHandler(JoinVoiceChannelCommand)
export class JoinVoiceChannelHandler implements ICommandHandler<JoinVoiceChannelCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, channelId, requestedBy, context }: JoinVoiceChannelCommand) {
    return decidePlayer(this.store, { type: 'JoinVoiceChannel', guildId, channelId, requestedBy }, context);
  }
}
