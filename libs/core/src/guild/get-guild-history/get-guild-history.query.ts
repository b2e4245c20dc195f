import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '#eventstore';

export interface GuildHistoryPage {
  readonly events: readonly RecordedEvent[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly nextCursor: number | null;
}

export interface GuildHistoryFilter {
  readonly types?: readonly string[];
  /** Inclusive bounds on the time the change was decided. */
  readonly from?: Date;
  readonly to?: Date;
  /** Exclusive global position cursor (the previous page's `nextCursor`). */
  readonly after?: number;
  readonly limit: number;
}

/**
 * A guild's audit history, oldest first (global order), straight from the event store: the guild's
 * stream and its moderation stream. Null when the guild is unknown.
 */
export class GetGuildHistoryQuery extends Query<GuildHistoryPage | null> {
  constructor(
    readonly guildId: string,
    readonly filter: GuildHistoryFilter,
  ) {
    super();
  }
}
