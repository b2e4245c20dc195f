import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { GuildsReadModel, ModerationLogReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetModerationLogQuery } from './get-moderation-log.query';

@QueryHandler(GetModerationLogQuery)
export class GetModerationLogHandler implements IQueryHandler<GetModerationLogQuery> {
  constructor(
    private readonly guilds: GuildsReadModel,
    private readonly log: ModerationLogReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, after, limit, minPosition }: GetModerationLogQuery) {
    await this.freshness.require('moderation-log', minPosition, this.config.readYourWritesTimeoutMs);
    if (!this.guilds.get(guildId)) return null;
    return this.log.list(guildId, after, limit);
  }
}
