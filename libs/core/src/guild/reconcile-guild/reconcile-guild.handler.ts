import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { ReconcileGuildCommand } from './reconcile-guild.command';

@CommandHandler(ReconcileGuildCommand)
export class ReconcileGuildHandler implements ICommandHandler<ReconcileGuildCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, snapshot, context }: ReconcileGuildCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'ReconcileGuild', guildId, snapshot },
      context,
    );
  }
}
