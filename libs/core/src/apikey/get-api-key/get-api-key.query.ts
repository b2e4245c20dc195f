import { Query } from '@nestjs/cqrs';
import type { ApiKeyView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** One key without its secret; null when unknown. */
export class GetApiKeyQuery extends Query<ApiKeyView | null> {
  constructor(
    readonly keyId: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
