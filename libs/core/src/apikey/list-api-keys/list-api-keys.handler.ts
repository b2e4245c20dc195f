import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayManageKeys } from '#domain';
import { ApiKeysReadModel } from '#projections';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { requesterOf } from '../requester';
import { ListApiKeysQuery } from './list-api-keys.query';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(
    private readonly keys: ApiKeysReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ ownerId, minPosition, requestedBy }: ListApiKeysQuery) {
    assertMayManageKeys(requesterOf(requestedBy));
    await this.freshness.require('apikeys', minPosition, this.config.readYourWritesTimeoutMs);
    return ownerId === undefined ? this.keys.listAll() : this.keys.listByOwner(ownerId);
  }
}
