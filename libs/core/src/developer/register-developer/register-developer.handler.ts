import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { developerDecider, developerStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RegisterDeveloperCommand } from './register-developer.command';

@CommandHandler(RegisterDeveloperCommand)
export class RegisterDeveloperHandler implements ICommandHandler<RegisterDeveloperCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ username, status, context }: RegisterDeveloperCommand) {
    const command = { type: 'RegisterDeveloper' as const, username, ...status };
    return decideAndAppend(this.store, developerDecider, developerStreamId(username), command, context);
  }
}
