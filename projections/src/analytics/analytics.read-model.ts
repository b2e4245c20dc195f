import { withinLimit, type AnalyticsClient } from '#analytics';

/** What Hexify's analytics endpoint shows, before shaping. */
export interface AnalyticsSummary {
  readonly commands: {
    readonly total: number;
    readonly today: number;
    readonly breakdown: Record<string, number>;
  };
  readonly activeUsers: { readonly daily: number; readonly weekly: number; readonly monthly: number };
  readonly members: { readonly joinsToday: number; readonly leavesToday: number };
}

export type AnalyticsMetric = 'commands' | 'active_users' | 'joins' | 'leaves' | 'plays';
export type AnalyticsInterval = 'hour' | 'day';

export interface SeriesPoint {
  /** Start of the bucket, epoch seconds. */
  readonly start: number;
  readonly value: number;
}

export interface RangeQuery {
  readonly guildId: string;
  readonly timeZone: string;
  /** Epoch seconds, inclusive. */
  readonly from: number;
  /** Epoch seconds, exclusive. */
  readonly to: number;
}

const KIND: Record<Exclude<AnalyticsMetric, 'active_users'>, string> = {
  commands: 'command',
  joins: 'join',
  leaves: 'leave',
  plays: 'play',
};

// Reports come from usage_events, not the rollup's peak: a max cannot forget a voided report, while a
// guild's reports of the last 30 days are a short range of the (guild_id, kind, ts) order.
const NOT_VOIDED = `event_id NOT IN (SELECT toUUID(name) FROM usage_events
  WHERE guild_id = {guild:UInt64} AND kind = 'void')`;

// A user is in a window when any of their rows is (rows not yet merged hold older maxima): uniqExactIf
// counts that without the GROUP BY a merge-dependent max() would need.
// Windows end now and start at the guild's local midnight: today, 7 and 30 calendar days.
const WINDOWS = `toDateTime64({now:String}, 3, 'UTC') AS now_,
  toDateTime(toDate(now_, {tz:String}), {tz:String}) AS d1,
  toDateTime(toDate(now_, {tz:String}) - 6, {tz:String}) AS d7,
  toDateTime(toDate(now_, {tz:String}) - 29, {tz:String}) AS d30`;

const SUMMARY = `WITH ${WINDOWS}
SELECT * FROM (
  SELECT sumIf(n, kind = 'command') AS total, sumIf(n, kind = 'command' AND bucket >= d1) AS today,
    sumIf(n, kind = 'command' AND category = 'music') AS music,
    sumIf(n, kind = 'command' AND category = 'moderation') AS moderation,
    sumIf(n, kind = 'command' AND category = 'fun') AS fun,
    sumIf(n, kind = 'command' AND category = 'utility') AS utility,
    sumIf(n, kind = 'join' AND bucket >= d1) AS joins_today,
    sumIf(n, kind = 'leave' AND bucket >= d1) AS leaves_today
  FROM usage_counts WHERE guild_id = {guild:UInt64}
) AS counts CROSS JOIN (
  SELECT maxIf(value, ts >= d1) AS reported_daily, maxIf(value, ts >= d7) AS reported_weekly,
         max(value) AS reported_monthly
  FROM usage_events WHERE guild_id = {guild:UInt64} AND kind = 'report' AND ts >= d30 AND ${NOT_VOIDED}
) AS reports CROSS JOIN (
  SELECT uniqExactIf(user_id, last >= d1) AS daily, uniqExactIf(user_id, last >= d7) AS weekly,
         uniqExactIf(user_id, last >= d30) AS monthly
  FROM user_last_seen WHERE guild_id = {guild:UInt64}
) AS users`;

type SummaryRow = Record<
  | 'total'
  | 'today'
  | 'music'
  | 'moderation'
  | 'fun'
  | 'utility'
  | 'joins_today'
  | 'leaves_today'
  | 'reported_daily'
  | 'reported_weekly'
  | 'reported_monthly'
  | 'daily'
  | 'weekly'
  | 'monthly',
  number
>;

/**
 * Analytics queries. Every one goes through `withinLimit`: slow or down means AnalyticsUnavailableError.
 * A bot's own report of active users (BotNexus) counts when it is higher than the users we saw,
 * unless an operator voided it (`ActivityReportVoided`).
 */
export class AnalyticsReadModel {
  constructor(private readonly analytics: AnalyticsClient) {}

  summary(guildId: string, timeZone: string, now: Date): Promise<AnalyticsSummary> {
    return withinLimit(this.analytics, async () => {
      const [r] = await this.rows<SummaryRow>(SUMMARY, { guild: guildId, tz: timeZone, now: sqlTime(now) });
      return {
        commands: {
          total: r.total,
          today: r.today,
          breakdown: { music: r.music, moderation: r.moderation, fun: r.fun, utility: r.utility },
        },
        activeUsers: {
          daily: Math.max(r.daily, r.reported_daily),
          weekly: Math.max(r.weekly, r.reported_weekly),
          monthly: Math.max(r.monthly, r.reported_monthly),
        },
        members: { joinsToday: r.joins_today, leavesToday: r.leaves_today },
      };
    });
  }

  /** One point per bucket from `from` to `to`, zero-filled, buckets aligned to the guild's zone. */
  timeseries(
    range: RangeQuery,
    metric: AnalyticsMetric,
    interval: AnalyticsInterval,
  ): Promise<SeriesPoint[]> {
    const startOf = interval === 'day' ? 'toStartOfDay' : 'toStartOfHour';
    const inner =
      metric === 'active_users'
        ? `SELECT b, greatest(users, reported) AS v FROM (
             SELECT ${startOf}(ts, {tz:String}) AS b, uniqExactIf(user_id, kind IN ('command', 'active') AND user_id != 0) AS users,
                    maxIf(value, kind = 'report') AS reported
             FROM usage_events WHERE guild_id = {guild:UInt64} AND kind IN ('command', 'active', 'report')
               AND ts >= toDateTime({from:UInt32}) AND ts < toDateTime({to:UInt32})
               AND (kind != 'report' OR ${NOT_VOIDED}) GROUP BY b)`
        : `SELECT ${startOf}(bucket, {tz:String}) AS b, sum(n) AS v FROM usage_counts
           WHERE guild_id = {guild:UInt64} AND kind = {kind:String}
             AND bucket >= toDateTime({from:UInt32}) AND bucket < toDateTime({to:UInt32}) GROUP BY b`;
    const query = `SELECT toUnixTimestamp(b) AS start, v AS value FROM (${inner}
      ORDER BY b WITH FILL FROM ${startOf}(toDateTime({from:UInt32}, {tz:String}), {tz:String})
        TO toDateTime({to:UInt32}, {tz:String}) STEP INTERVAL 1 ${interval.toUpperCase()}) ORDER BY start`;
    const kind = metric === 'active_users' ? '' : KIND[metric];
    return withinLimit(this.analytics, () => this.rows<SeriesPoint>(query, { ...params(range), kind }));
  }

  topCommands(range: RangeQuery, limit: number) {
    return withinLimit(this.analytics, () =>
      this.rows<{ name: string; category: string; count: number }>(
        `SELECT name, category, count() AS count FROM usage_events
         WHERE guild_id = {guild:UInt64} AND kind = 'command'
           AND ts >= toDateTime({from:UInt32}) AND ts < toDateTime({to:UInt32})
         GROUP BY name, category ORDER BY count DESC, name LIMIT {limit:UInt32}`,
        { ...params(range), limit },
      ),
    );
  }

  topTracks(range: RangeQuery, limit: number) {
    return withinLimit(this.analytics, () =>
      this.rows<{ identifier: string; title: string; author: string; plays: number }>(
        `SELECT t.identifier AS identifier, any(t.title) AS title, any(t.author) AS author, count() AS plays
         FROM (SELECT name AS track_id FROM usage_events WHERE guild_id = {guild:UInt64} AND kind = 'play'
                 AND ts >= toDateTime({from:UInt32}) AND ts < toDateTime({to:UInt32})) AS p
         INNER JOIN (SELECT track_id, any(identifier) AS identifier, any(title) AS title, any(author) AS author
                     FROM tracks WHERE guild_id = {guild:UInt64} GROUP BY track_id) AS t USING (track_id)
         GROUP BY identifier ORDER BY plays DESC, identifier LIMIT {limit:UInt32}`,
        { ...params(range), limit },
      ),
    );
  }

  private async rows<T>(query: string, query_params: Record<string, unknown>): Promise<T[]> {
    const result = await this.analytics.client.query({ query, query_params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}

const params = (range: RangeQuery) => ({
  guild: range.guildId,
  tz: range.timeZone,
  from: range.from,
  to: range.to,
});

/** `YYYY-MM-DD hh:mm:ss.sss`, UTC: what toDateTime64 parses the same way on every server. */
export const sqlTime = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');
