import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { requesterOf } from '../requester';
import { ChangeApiKeyScopesCommand } from './change-api-key-scopes.command';

@CommandHandler(ChangeApiKeyScopesCommand)
export class ChangeApiKeyScopesHandler implements ICommandHandler<ChangeApiKeyScopesCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ keyId, scopes, context, requestedBy }: ChangeApiKeyScopesCommand) {
    return decideAndAppend(
      this.store,
      apiKeyDecider,
      apiKeyStreamId(keyId),
      { type: 'ChangeApiKeyScopes', keyId, scopes, requestedBy: requesterOf(requestedBy) },
      context,
    );
  }
}
