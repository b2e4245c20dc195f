import { Query } from '@nestjs/cqrs';
import type { ApiKeyRequester } from '#domain';
import type { ApiKeyView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** The keys of one owner (every key when `ownerId` is absent), oldest first, without secrets. */
export class ListApiKeysQuery extends Query<ApiKeyView[]> {
  constructor(
    readonly ownerId?: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: MinPosition,
    /** Who asks, from a door that must check it (a bound key is refused); absent for trusted doors. */
    readonly requestedBy?: ApiKeyRequester,
  ) {
    super();
  }
}
