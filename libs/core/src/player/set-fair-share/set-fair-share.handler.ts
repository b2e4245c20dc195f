import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '#eventstore';
import { decidePlayer } from '../decide-player';
import { SetFairShareCommand } from './set-fair-share.command';

@CommandHandler(SetFairShareCommand)
export class SetFairShareHandler implements ICommandHandler<SetFairShareCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, enabled, context }: SetFairShareCommand) {
    return decidePlayer(this.store, { type: 'SetFairShare', guildId, enabled }, context);
  }
}
