import { Query } from '@nestjs/cqrs';
import type { BotCommandList } from '#domain';

/** A bot's command list as last set; null when unset or the bot is unknown. */
export class GetBotCommandsQuery extends Query<BotCommandList | null> {
  constructor(readonly botId: string) {
    super();
  }
}
