import { Query } from '@nestjs/cqrs';
import type { ModerationLogPage } from '#projections';
import type { MinPosition } from '../../command-handling/read-model-freshness';

/** A page of a guild's moderation log, oldest first. Null when the guild is unknown. */
export class GetModerationLogQuery extends Query<ModerationLogPage | null> {
  constructor(
    readonly guildId: string,
    /** Exclusive global position: the previous page's `nextCursor`, or -1 from the start. */
    readonly after: number,
    readonly limit: number,
    readonly minPosition?: MinPosition,
  ) {
    super();
  }
}
