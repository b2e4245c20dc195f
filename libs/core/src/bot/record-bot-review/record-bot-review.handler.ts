import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { botDecider, botStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { RecordBotReviewCommand } from './record-bot-review.command';

@CommandHandler(RecordBotReviewCommand)
export class RecordBotReviewHandler implements ICommandHandler<RecordBotReviewCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ botId, userId, rating, text, context }: RecordBotReviewCommand) {
    return decideAndAppend(
      this.store,
      botDecider,
      botStreamId(botId),
      { type: 'RecordBotReview', botId, userId, rating, text },
      context,
    );
  }
}
