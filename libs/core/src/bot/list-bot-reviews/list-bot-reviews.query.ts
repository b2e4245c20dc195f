import { Query } from '@nestjs/cqrs';
import type { BotReviewView } from '#projections';

/** A bot's reviews, oldest first; null when the bot is unknown. */
export class ListBotReviewsQuery extends Query<BotReviewView[] | null> {
  constructor(
    readonly botId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
