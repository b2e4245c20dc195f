import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { moderationDecider, moderationStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { FilterMessageCommand } from './filter-message.command';

@CommandHandler(FilterMessageCommand)
export class FilterMessageHandler implements ICommandHandler<FilterMessageCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ filtering, context }: FilterMessageCommand) {
    return decideAndAppend(
      this.store,
      moderationDecider,
      moderationStreamId(filtering.guildId),
      { type: 'FilterMessage', ...filtering },
      context,
    );
  }
}
