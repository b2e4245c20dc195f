import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { requesterOf } from '../requester';
import { ChangeApiKeyTierCommand } from './change-api-key-tier.command';

@CommandHandler(ChangeApiKeyTierCommand)
export class ChangeApiKeyTierHandler implements ICommandHandler<ChangeApiKeyTierCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ keyId, tier, context, requestedBy }: ChangeApiKeyTierCommand) {
    return decideAndAppend(
      this.store,
      apiKeyDecider,
      apiKeyStreamId(keyId),
      { type: 'ChangeApiKeyTier', keyId, tier, requestedBy: requesterOf(requestedBy) },
      context,
    );
  }
}
