import { Query } from '@nestjs/cqrs';
import type { AsOf, GuildView } from '#projections';

/** A guild as it was at a moment, folded from its stream; null when it did not exist yet. */
export class GetGuildAsOfQuery extends Query<GuildView | null> {
  constructor(
    readonly guildId: string,
    readonly asOf: AsOf,
  ) {
    super();
  }
}
