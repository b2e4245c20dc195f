import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { LeaveVoiceChannelCommand } from './leave-voice-channel.command';

@CommandHandler(LeaveVoiceChannelCommand)
export class LeaveVoiceChannelHandler implements ICommandHandler<LeaveVoiceChannelCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, requestedBy, context }: LeaveVoiceChannelCommand) {
    return decidePlayer(this.store, { type: 'LeaveVoiceChannel', guildId, requestedBy }, context);
  }
}
