import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { guildStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { TimelineReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetGuildHistoryQuery, type GuildHistoryPage } from './get-guild-history.query';

/** The projection whose index answers; also what the live stream catches up from. */
export const TIMELINE = 'timeline';

@QueryHandler(GetGuildHistoryQuery)
export class GetGuildHistoryHandler implements IQueryHandler<GetGuildHistoryQuery> {
  constructor(
    private readonly store: EventStore,
    private readonly timeline: TimelineReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  /**
   * One index range scan for the page's positions, then one read of those events from the store, so
   * the page shows each event as the store hands it out now (upcast, erased), never a stale copy.
   */
  async execute({ guildId, filter }: GetGuildHistoryQuery): Promise<GuildHistoryPage | null> {
    const [first] = await this.store.readStream(guildStreamId(guildId), { maxCount: 1 });
    if (!first) return null;
    // The history used to read the store directly: keep that promise by waiting (bounded) for the
    // index to hold everything the store held when the request came.
    const head = await this.store.headPosition();
    await this.freshness.waitFor(TIMELINE, head, this.config.readYourWritesTimeoutMs);
    const { positions, nextCursor } = this.timeline.page(guildId, {
      after: filter.after ?? -1,
      types: filter.types,
      fromMs: filter.from?.getTime(),
      toMs: filter.to?.getTime(),
      includeUsage: filter.includeUsage ?? false,
      limit: filter.limit,
    });
    return { events: await this.store.readPositions(positions), nextCursor };
  }
}
