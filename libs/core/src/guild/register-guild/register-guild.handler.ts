import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { guildDecider, guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RegisterGuildCommand } from './register-guild.command';

@CommandHandler(RegisterGuildCommand)
export class RegisterGuildHandler implements ICommandHandler<RegisterGuildCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, profile, context }: RegisterGuildCommand) {
    return decideAndAppend(
      this.store,
      guildDecider,
      guildStreamId(guildId),
      { type: 'RegisterGuild', guildId, profile },
      context,
    );
  }
}
