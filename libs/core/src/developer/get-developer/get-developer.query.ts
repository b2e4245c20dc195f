import { Query } from '@nestjs/cqrs';
import type { DeveloperView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A developer's status from the read model; null when unknown. */
export class GetDeveloperQuery extends Query<DeveloperView | null> {
  constructor(
    readonly username: string,
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
