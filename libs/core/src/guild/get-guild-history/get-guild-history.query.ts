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
  /** Also the guild's usage facts (`usage-{guildId}`), a firehose left out by default. */
  readonly includeUsage?: boolean;
}

/**
 * A guild's whole timeline, oldest first (global order): every stream that belongs to it (settings and
 * membership, player, moderation, keys bound to it, and any stream whose events name it; usage when
 * asked), from the `timeline` index, the events themselves read from the store. Null when the guild is
 * unknown.
 */
export class GetGuildHistoryQuery extends Query<GuildHistoryPage | null> {
  constructor(
    readonly guildId: string,
    readonly filter: GuildHistoryFilter,
  ) {
    super();
  }
}
