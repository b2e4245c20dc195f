import { Query } from '@nestjs/cqrs';
import type { DeveloperView } from '#projections';

/** A developer's status from the read model; null when unknown. */
export class GetDeveloperQuery extends Query<DeveloperView | null> {
  constructor(
    readonly username: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
