import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BotsReadModel } from '#projections';
import { CheckBotReviewQuery } from './check-bot-review.query';

@QueryHandler(CheckBotReviewQuery)
export class CheckBotReviewHandler implements IQueryHandler<CheckBotReviewQuery> {
  constructor(private readonly bots: BotsReadModel) {}

  async execute({ botId, userId }: CheckBotReviewQuery) {
    return this.bots.hasReview(botId, userId);
  }
}
