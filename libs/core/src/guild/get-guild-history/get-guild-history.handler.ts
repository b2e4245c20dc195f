import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { guildStreamId } from '#domain';
import { EventStore, type RecordedEvent } from '#eventstore';
import {
  GetGuildHistoryQuery,
  type GuildHistoryFilter,
  type GuildHistoryPage,
} from './get-guild-history.query';

const READ_PAGE = 500;

@QueryHandler(GetGuildHistoryQuery)
export class GetGuildHistoryHandler implements IQueryHandler<GetGuildHistoryQuery> {
  constructor(private readonly store: EventStore) {}

  /** Scans the stream page by page, so filters never load a whole long stream at once. */
  async execute({ guildId, filter }: GetGuildHistoryQuery): Promise<GuildHistoryPage | null> {
    const streamId = guildStreamId(guildId);
    const matches: RecordedEvent[] = [];
    let from = (filter.after ?? -1) + 1;
    for (;;) {
      const page = await this.store.readStream(streamId, { fromRevision: from, maxCount: READ_PAGE });
      if (page.length === 0 && from === 0) return null;
      for (const event of page) {
        if (!matchesFilter(event, filter)) continue;
        if (matches.length === filter.limit)
          return { events: matches, nextCursor: matches[matches.length - 1].revision };
        matches.push(event);
      }
      if (page.length < READ_PAGE) return { events: matches, nextCursor: null };
      from = page[page.length - 1].revision + 1;
    }
  }
}

function matchesFilter(event: RecordedEvent, filter: GuildHistoryFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  const at = Date.parse(event.metadata.occurredAt);
  if (filter.from && at < filter.from.getTime()) return false;
  if (filter.to && at > filter.to.getTime()) return false;
  return true;
}
