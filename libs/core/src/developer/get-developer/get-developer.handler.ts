import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DevelopersReadModel } from '#projections';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetDeveloperQuery } from './get-developer.query';

@QueryHandler(GetDeveloperQuery)
export class GetDeveloperHandler implements IQueryHandler<GetDeveloperQuery> {
  constructor(
    private readonly developers: DevelopersReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ username, minPosition }: GetDeveloperQuery) {
    await this.freshness.require('developers', minPosition, this.config.readYourWritesTimeoutMs);
    return this.developers.get(username);
  }
}
