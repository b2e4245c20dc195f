import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { guildStreamId, moderationStreamId, webhookStreamId } from '#domain';
import { EventStore, type RecordedEvent } from '#eventstore';
import {
  GetGuildHistoryQuery,
  type GuildHistoryFilter,
  type GuildHistoryPage,
} from './get-guild-history.query';
import { mergedAfter } from './stream-reader';

/**
 * The streams that make up a guild's history: its own, its moderation log and its webhook endpoints.
 * Merged here, at read time, in global order; usage (a firehose, kept apart for analytics) and the
 * player stay out.
 */
const historyStreams = (guildId: string): string[] => [
  guildStreamId(guildId),
  moderationStreamId(guildId),
  webhookStreamId(guildId),
];

@QueryHandler(GetGuildHistoryQuery)
export class GetGuildHistoryHandler implements IQueryHandler<GetGuildHistoryQuery> {
  constructor(private readonly store: EventStore) {}

  /** Walks the streams page by page, so filters never load a whole long stream at once. */
  async execute({ guildId, filter }: GetGuildHistoryQuery): Promise<GuildHistoryPage | null> {
    const [first] = await this.store.readStream(guildStreamId(guildId), { maxCount: 1 });
    if (!first) return null;
    const matches: RecordedEvent[] = [];
    for await (const event of mergedAfter(this.store, historyStreams(guildId), filter.after ?? -1)) {
      if (!matchesFilter(event, filter)) continue;
      if (matches.length === filter.limit) {
        return { events: matches, nextCursor: matches[matches.length - 1].position };
      }
      matches.push(event);
    }
    return { events: matches, nextCursor: null };
  }
}

function matchesFilter(event: RecordedEvent, filter: GuildHistoryFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  const at = Date.parse(event.metadata.occurredAt);
  if (filter.from && at < filter.from.getTime()) return false;
  if (filter.to && at > filter.to.getTime()) return false;
  return true;
}
