import { Controller, Get, Headers, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  GetAnalyticsSeriesQuery,
  GetAnalyticsSummaryQuery,
  GetTopCommandsQuery,
  GetTopTracksQuery,
  type GuildAnalytics,
} from '#core';
import { GuildReader } from '../auth/access.decorators';
import { SnowflakePipe } from '../common/snowflake';
import { TimeseriesQueryDto, TopQueryDto, toRange } from './analytics-query.dto';
import { hexifyAnalyticsBody, toCsv, wantsCsv } from './analytics.views';
import {
  AnalyticsSummaryResponse,
  TimeseriesResponse,
  TopCommandsResponse,
  TopTracksResponse,
} from './analytics.responses';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';

/** Canonical analytics: the summary, zero-filled time series, top commands and tracks; CSV on `Accept: text/csv`. */
@ApiTags('Analytics')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord guild id')
@ApiErrors(400, 403, 404, 503)
@Controller('v1/servers/:id/analytics')
export class AnalyticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @GuildReader('id')
  @ApiOperation({
    summary: 'Get the analytics summary',
    description: "Hexify's body plus the time zone; not premium-gated.",
  })
  @ApiOk(AnalyticsSummaryResponse, { description: 'Commands used, active users and member growth' })
  async summary(@Param('id', new SnowflakePipe('id')) id: string) {
    const { result, timeZone } = found(id, await this.queryBus.execute(new GetAnalyticsSummaryQuery(id)));
    return { ...hexifyAnalyticsBody(result), time_zone: timeZone };
  }

  @Get('timeseries')
  @GuildReader('id')
  @ApiOperation({
    summary: 'Get a time series',
    description: 'One point per bucket; CSV on `Accept: text/csv`.',
  })
  @ApiOk(TimeseriesResponse, {
    description: 'The series',
    csv: 'start,value\r\n2026-01-01T00:00:00.000Z,45\r\n',
  })
  async timeseries(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Query() query: TimeseriesQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { interval, ...range } = toRange(query);
    const metric = query.metric ?? 'commands';
    const answer = found(
      id,
      await this.queryBus.execute(new GetAnalyticsSeriesQuery(id, metric, interval, range)),
    );
    const points = answer.result.map((p) => ({
      start: new Date(p.start * 1000).toISOString(),
      value: p.value,
    }));
    if (wantsCsv(accept)) return csv(reply, `${metric}-${interval}`, toCsv(points, ['start', 'value']));
    return { metric, interval, time_zone: answer.timeZone, points };
  }

  @Get('top-commands')
  @GuildReader('id')
  @ApiOperation({ summary: 'Get the most used commands', description: 'CSV on `Accept: text/csv`.' })
  @ApiOk(TopCommandsResponse, {
    description: 'Commands, most used first',
    csv: 'name,category,count\r\nplay,music,580\r\n',
  })
  async topCommands(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Query() query: TopQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { interval: _, ...range } = toRange(query);
    const { result } = found(
      id,
      await this.queryBus.execute(new GetTopCommandsQuery(id, range, query.limit ?? 10)),
    );
    return tableOrCsv(accept, reply, 'top-commands', { commands: result }, ['name', 'category', 'count']);
  }

  @Get('top-tracks')
  @GuildReader('id')
  @ApiOperation({ summary: 'Get the most played tracks', description: 'CSV on `Accept: text/csv`.' })
  @ApiOk(TopTracksResponse, {
    description: 'Tracks, most played first',
    csv: 'identifier,title,author,plays\r\ndQw4w9WgXcQ,Never Gonna Give You Up,Rick Astley,12\r\n',
  })
  async topTracks(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Query() query: TopQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { interval: _, ...range } = toRange(query);
    const { result } = found(
      id,
      await this.queryBus.execute(new GetTopTracksQuery(id, range, query.limit ?? 10)),
    );
    return tableOrCsv(accept, reply, 'top-tracks', { tracks: result }, [
      'identifier',
      'title',
      'author',
      'plays',
    ]);
  }
}

function found<T>(id: string, answer: GuildAnalytics<T> | null): GuildAnalytics<T> {
  if (!answer) throw new NotFoundException(`server ${id} not found`);
  return answer;
}

/** The one list a ranking holds, as JSON (`{commands: […]}`) or as CSV with the given columns. */
function tableOrCsv<T extends Record<string, unknown>>(
  accept: string | undefined,
  reply: FastifyReply,
  name: string,
  json: Record<string, readonly T[]>,
  columns: readonly (keyof T & string)[],
) {
  if (!wantsCsv(accept)) return json;
  return csv(reply, name, toCsv(Object.values(json)[0], columns));
}

function csv(reply: FastifyReply, name: string, body: string): string {
  void reply.header('content-type', 'text/csv; charset=utf-8');
  void reply.header('content-disposition', `attachment; filename="${name}.csv"`);
  return body;
}
