import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import type { AnalyticsRange } from '#core';
import type { AnalyticsInterval, AnalyticsMetric } from '#projections';

export const METRICS: readonly AnalyticsMetric[] = ['commands', 'active_users', 'joins', 'leaves', 'plays'];
const MAX_BUCKETS = { hour: 24 * 92, day: 3 * 366 } as const;
const DEFAULT_SPAN = { hour: 86_400, day: 30 * 86_400 } as const;

/** `from`/`to`: ISO 8601 or epoch seconds; `to` defaults to now, `from` to a day (hours) or 30 days before. */
export class AnalyticsRangeDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'ISO 8601 or epoch seconds' })
  @IsOptional()
  @IsString()
  from?: string;
  @ApiPropertyOptional({
    example: '2026-01-31T00:00:00Z',
    description: 'ISO 8601 or epoch seconds; now by default',
  })
  @IsOptional()
  @IsString()
  to?: string;
  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'day' })
  @IsOptional()
  @IsIn(['hour', 'day'])
  interval?: AnalyticsInterval;
}

export class TimeseriesQueryDto extends AnalyticsRangeDto {
  @ApiPropertyOptional({ enum: METRICS, default: 'commands' })
  @IsOptional()
  @IsIn(METRICS)
  metric?: AnalyticsMetric;
}

export class TopQueryDto extends AnalyticsRangeDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

function instant(value: string | undefined, field: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (Number.isNaN(ms))
    throw new BadRequestException({ message: `${field} must be ISO 8601 or epoch seconds`, field });
  return Math.floor(ms / 1000);
}

/** The range in epoch seconds, checked: `from` before `to`, and not more buckets than a chart can use. */
export function toRange(
  dto: AnalyticsRangeDto,
  now = new Date(),
): AnalyticsRange & { interval: AnalyticsInterval } {
  const interval = dto.interval ?? 'day';
  const to = instant(dto.to, 'to', Math.floor(now.getTime() / 1000) + 1);
  const from = instant(dto.from, 'from', to - DEFAULT_SPAN[interval]);
  if (from >= to) throw new BadRequestException({ message: 'from must be before to', field: 'from' });
  const buckets = (to - from) / (interval === 'day' ? 86_400 : 3_600);
  if (buckets > MAX_BUCKETS[interval]) {
    throw new BadRequestException({
      message: `at most ${MAX_BUCKETS[interval]} ${interval} buckets per request`,
      field: 'from',
    });
  }
  return { from, to, interval };
}
