import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GuildsReadModel } from '#projections';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetGuildQuery } from './get-guild.query';

@QueryHandler(GetGuildQuery)
export class GetGuildHandler implements IQueryHandler<GetGuildQuery> {
  constructor(
    private readonly guilds: GuildsReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, minPosition }: GetGuildQuery) {
    await this.freshness.require('guilds', minPosition, this.config.readYourWritesTimeoutMs);
    return this.guilds.get(guildId);
  }
}
