import { ApiProperty } from '@nestjs/swagger';
import { ApiSnowflake } from '../openapi/params';
import { METRICS } from './analytics-query.dto';

/** Response classes of the analytics routes (analytics.views.ts and the controllers build the bodies). */

export class CommandBreakdownResponse {
  @ApiProperty({ type: 'integer', example: 580 }) music!: number;
  @ApiProperty({ type: 'integer', example: 320 }) moderation!: number;
  @ApiProperty({ type: 'integer', example: 250 }) fun!: number;
  @ApiProperty({ type: 'integer', example: 100 }) utility!: number;
}

export class CommandsUsedResponse {
  @ApiProperty({ type: 'integer', example: 1250 }) total!: number;
  @ApiProperty({ type: 'integer', example: 45 }) today!: number;
  @ApiProperty({ type: CommandBreakdownResponse }) breakdown!: CommandBreakdownResponse;
}

export class ActiveUsersResponse {
  @ApiProperty({ type: 'integer', example: 123 }) daily!: number;
  @ApiProperty({ type: 'integer', example: 456 }) weekly!: number;
  @ApiProperty({ type: 'integer', example: 789 }) monthly!: number;
}

export class MemberGrowthResponse {
  @ApiProperty({ type: 'integer', example: 5 }) joins_today!: number;
  @ApiProperty({ type: 'integer', example: 2 }) leaves_today!: number;
  @ApiProperty({ type: 'integer', example: 3 }) net_growth!: number;
}

/** Hexify's `GET /v2/servers/{server_id}/analytics`, exactly the seed's shape. */
export class HexifyAnalyticsResponse {
  @ApiProperty({ type: CommandsUsedResponse }) commands_used!: CommandsUsedResponse;
  @ApiProperty({ type: ActiveUsersResponse }) active_users!: ActiveUsersResponse;
  @ApiProperty({ type: MemberGrowthResponse }) member_growth!: MemberGrowthResponse;
}

/** `GET /v1/servers/{id}/analytics`: Hexify's body and the zone "today" is counted in. */
export class AnalyticsSummaryResponse extends HexifyAnalyticsResponse {
  @ApiProperty({ example: 'UTC' }) time_zone!: string;
}

export class SeriesPointResponse {
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00.000Z', description: 'bucket start' })
  start!: string;
  @ApiProperty({ type: 'integer', example: 45 }) value!: number;
}

export class TimeseriesResponse {
  @ApiProperty({ enum: METRICS, example: 'commands' }) metric!: string;
  @ApiProperty({ enum: ['hour', 'day'], example: 'day' }) interval!: string;
  @ApiProperty({ example: 'UTC' }) time_zone!: string;
  @ApiProperty({ type: [SeriesPointResponse], description: 'one per bucket; empty buckets are 0' })
  points!: SeriesPointResponse[];
}

export class TopCommandResponse {
  @ApiProperty({ example: 'play' }) name!: string;
  @ApiProperty({ example: 'music' }) category!: string;
  @ApiProperty({ type: 'integer', example: 580 }) count!: number;
}

export class TopCommandsResponse {
  @ApiProperty({ type: [TopCommandResponse] }) commands!: TopCommandResponse[];
}

export class TopTrackResponse {
  @ApiProperty({ example: 'dQw4w9WgXcQ' }) identifier!: string;
  @ApiProperty({ example: 'Never Gonna Give You Up' }) title!: string;
  @ApiProperty({ example: 'Rick Astley' }) author!: string;
  @ApiProperty({ type: 'integer', example: 12 }) plays!: number;
}

export class TopTracksResponse {
  @ApiProperty({ type: [TopTrackResponse] }) tracks!: TopTrackResponse[];
}

/** `POST /v1/servers/{id}/analytics/reports/void`. */
export class VoidReportResponse {
  @ApiSnowflake({ example: '1029384756' }) server_id!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) timestamp!: string;
  @ApiProperty({ format: 'uuid', example: '7d1f4c8e-2b3a-5c6d-8e9f-0a1b2c3d4e5f' }) report_event_id!: string;
  @ApiProperty({ example: true, description: 'false when it was already void' }) voided!: boolean;
}
