import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { SetLoopModeCommand } from './set-loop-mode.command';

@CommandHandler(SetLoopModeCommand)
export class SetLoopModeHandler implements ICommandHandler<SetLoopModeCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, mode, context }: SetLoopModeCommand) {
    return decidePlayer(this.store, { type: 'SetLoopMode', guildId, mode }, context);
  }
}
