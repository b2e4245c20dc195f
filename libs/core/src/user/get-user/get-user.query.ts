import { Query } from '@nestjs/cqrs';
import type { UserView } from '#projections';

/** A user's profile from the read model; null when unknown. */
export class GetUserQuery extends Query<UserView | null> {
  constructor(readonly userId: string) {
    super();
  }
}
