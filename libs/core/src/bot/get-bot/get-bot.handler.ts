import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BotsReadModel } from '#projections';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetBotQuery } from './get-bot.query';

@QueryHandler(GetBotQuery)
export class GetBotHandler implements IQueryHandler<GetBotQuery> {
  constructor(
    private readonly bots: BotsReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ botId, minPosition }: GetBotQuery) {
    await this.freshness.require('bots', minPosition, this.config.readYourWritesTimeoutMs);
    return this.bots.get(botId);
  }
}
