import { Query } from '@nestjs/cqrs';
import type {
  AnalyticsInterval,
  AnalyticsMetric,
  AnalyticsSummary,
  GuildView,
  SeriesPoint,
} from '#projections';

/** A guild's analytics come with the guild they describe (premium, time zone); null when it is unknown. */
export interface GuildAnalytics<T> {
  readonly guild: GuildView;
  readonly timeZone: string;
  readonly result: T;
}

/** Hexify's summary: commands, active users, member growth; "today" in the guild's time zone. */
export class GetAnalyticsSummaryQuery extends Query<GuildAnalytics<AnalyticsSummary> | null> {
  constructor(readonly guildId: string) {
    super();
  }
}

/** A window of time, epoch seconds; `from` inclusive, `to` exclusive. */
export interface AnalyticsRange {
  readonly from: number;
  readonly to: number;
}

export class GetAnalyticsSeriesQuery extends Query<GuildAnalytics<SeriesPoint[]> | null> {
  constructor(
    readonly guildId: string,
    readonly metric: AnalyticsMetric,
    readonly interval: AnalyticsInterval,
    readonly range: AnalyticsRange,
  ) {
    super();
  }
}

export type TopCommand = { name: string; category: string; count: number };
export type TopTrack = { identifier: string; title: string; author: string; plays: number };

export class GetTopCommandsQuery extends Query<GuildAnalytics<TopCommand[]> | null> {
  constructor(
    readonly guildId: string,
    readonly range: AnalyticsRange,
    readonly limit: number,
  ) {
    super();
  }
}

export class GetTopTracksQuery extends Query<GuildAnalytics<TopTrack[]> | null> {
  constructor(
    readonly guildId: string,
    readonly range: AnalyticsRange,
    readonly limit: number,
  ) {
    super();
  }
}
