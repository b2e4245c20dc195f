import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { requesterOf } from '../requester';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ keyId, context, options }: RevokeApiKeyCommand) {
    const { requestedBy, reason } = options;
    return decideAndAppend(
      this.store,
      apiKeyDecider,
      apiKeyStreamId(keyId),
      {
        type: 'RevokeApiKey',
        keyId,
        reason,
        requestedBy: requesterOf(requestedBy),
      },
      context,
    );
  }
}
