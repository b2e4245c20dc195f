import { Query } from '@nestjs/cqrs';

/** Whether `userId` has reviewed the bot (Bots on Discord's review check). */
export class CheckBotReviewQuery extends Query<boolean> {
  constructor(
    readonly botId: string,
    readonly userId: string,
  ) {
    super();
  }
}
