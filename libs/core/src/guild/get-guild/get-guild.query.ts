import { Query } from '@nestjs/cqrs';
import type { GuildView } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A guild's profile and settings from the read model; null when unknown. */
export class GetGuildQuery extends Query<GuildView | null> {
  constructor(
    readonly guildId: string,
    /** Wait until the read model has applied this global position (read-your-writes). */
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
