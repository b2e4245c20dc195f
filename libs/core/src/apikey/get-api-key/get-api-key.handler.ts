import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiKeysReadModel } from '#projections';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetApiKeyQuery } from './get-api-key.query';

@QueryHandler(GetApiKeyQuery)
export class GetApiKeyHandler implements IQueryHandler<GetApiKeyQuery> {
  constructor(
    private readonly keys: ApiKeysReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ keyId, minPosition }: GetApiKeyQuery) {
    await this.freshness.require('apikeys', minPosition, this.config.readYourWritesTimeoutMs);
    return this.keys.findById(keyId);
  }
}
