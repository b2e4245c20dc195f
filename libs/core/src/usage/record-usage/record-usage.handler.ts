import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { usageDecider, usageStreamId, type UsageCommand } from '#domain';
import { EventStore } from '#eventstore';
import { appendFacts } from '../../command-handling/append-facts';
import { RecordUsageCommand } from './record-usage.command';

@CommandHandler(RecordUsageCommand)
export class RecordUsageHandler implements ICommandHandler<RecordUsageCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, facts, context, eventIds }: RecordUsageCommand) {
    const commands = facts.map((fact) => ({ ...fact, guildId }) as UsageCommand);
    return appendFacts(this.store, usageDecider, usageStreamId(guildId), commands, context, {
      ids: eventIds,
    });
  }
}
