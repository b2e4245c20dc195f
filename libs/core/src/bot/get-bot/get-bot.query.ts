import { Query } from '@nestjs/cqrs';
import type { BotView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A bot's profile from the read model; null when unknown. */
export class GetBotQuery extends Query<BotView | null> {
  constructor(
    readonly botId: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
