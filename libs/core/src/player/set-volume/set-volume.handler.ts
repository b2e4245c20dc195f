import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { SetVolumeCommand } from './set-volume.command';

@CommandHandler(SetVolumeCommand)
export class SetVolumeHandler implements ICommandHandler<SetVolumeCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, volume, context }: SetVolumeCommand) {
    return decidePlayer(this.store, { type: 'SetVolume', guildId, volume }, context);
  }
}
