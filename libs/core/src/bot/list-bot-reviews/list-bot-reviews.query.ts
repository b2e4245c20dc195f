import { Query } from '@nestjs/cqrs';
import type { BotReviewView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A bot's reviews, oldest first; null when the bot is unknown. */
export class ListBotReviewsQuery extends Query<BotReviewView[] | null> {
  constructor(
    readonly botId: string,
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
