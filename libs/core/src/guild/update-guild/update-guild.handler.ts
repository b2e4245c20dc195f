import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { UpdateGuildCommand } from './update-guild.command';

@CommandHandler(UpdateGuildCommand)
export class UpdateGuildHandler implements ICommandHandler<UpdateGuildCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, changes, context }: UpdateGuildCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'UpdateGuild', guildId, changes },
      context,
    );
  }
}
