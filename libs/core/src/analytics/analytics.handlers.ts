import { Injectable } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { AnalyticsReadModel, GuildsReadModel, type GuildView } from '#projections';
import {
  GetAnalyticsSeriesQuery,
  GetAnalyticsSummaryQuery,
  GetTopCommandsQuery,
  GetTopTracksQuery,
  type GuildAnalytics,
} from './analytics.queries';

/** The guild first (unknown → null, answered 404 by the doors), then the analytics in its time zone. */
@Injectable()
abstract class GuildAnalyticsHandler {
  constructor(
    protected readonly guilds: GuildsReadModel,
    protected readonly analytics: AnalyticsReadModel,
  ) {}

  protected async forGuild<T>(
    guildId: string,
    work: (guild: GuildView, timeZone: string) => Promise<T>,
  ): Promise<GuildAnalytics<T> | null> {
    const guild = this.guilds.get(guildId);
    if (!guild) return null;
    const timeZone = guild.settings.timeZone ?? 'UTC';
    return { guild, timeZone, result: await work(guild, timeZone) };
  }
}

@QueryHandler(GetAnalyticsSummaryQuery)
export class GetAnalyticsSummaryHandler extends GuildAnalyticsHandler {
  execute({ guildId }: GetAnalyticsSummaryQuery) {
    return this.forGuild(guildId, (_, tz) => this.analytics.summary(guildId, tz, new Date()));
  }
}

@QueryHandler(GetAnalyticsSeriesQuery)
export class GetAnalyticsSeriesHandler extends GuildAnalyticsHandler {
  execute({ guildId, metric, interval, range }: GetAnalyticsSeriesQuery) {
    return this.forGuild(guildId, (_, timeZone) =>
      this.analytics.timeseries({ guildId, timeZone, ...range }, metric, interval),
    );
  }
}

@QueryHandler(GetTopCommandsQuery)
export class GetTopCommandsHandler extends GuildAnalyticsHandler {
  execute({ guildId, range, limit }: GetTopCommandsQuery) {
    return this.forGuild(guildId, (_, timeZone) =>
      this.analytics.topCommands({ guildId, timeZone, ...range }, limit),
    );
  }
}

@QueryHandler(GetTopTracksQuery)
export class GetTopTracksHandler extends GuildAnalyticsHandler {
  execute({ guildId, range, limit }: GetTopTracksQuery) {
    return this.forGuild(guildId, (_, timeZone) =>
      this.analytics.topTracks({ guildId, timeZone, ...range }, limit),
    );
  }
}
