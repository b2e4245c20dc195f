import { Query } from '@nestjs/cqrs';
import type { ApiKeyView } from '#projections';

/** The keys of one owner (every key when `ownerId` is absent), oldest first, without secrets. */
export class ListApiKeysQuery extends Query<ApiKeyView[]> {
  constructor(
    readonly ownerId?: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: number,
  ) {
    super();
  }
}
