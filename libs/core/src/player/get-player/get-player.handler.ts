import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { PlayerReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetPlayerQuery } from './get-player.query';

@QueryHandler(GetPlayerQuery)
export class GetPlayerHandler implements IQueryHandler<GetPlayerQuery> {
  constructor(
    private readonly players: PlayerReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, minPosition }: GetPlayerQuery) {
    await this.freshness.require('player', minPosition, this.config.readYourWritesTimeoutMs);
    return this.players.get(guildId);
  }
}
