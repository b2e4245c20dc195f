import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import type { GuildHistoryFilter, GuildHistoryPage } from '#core';
import type { RecordedEvent } from '#eventstore';
import { CursorPageQueryDto } from '../common/cursor-page.dto';

/** Query string of `GET /v1/servers/:id/events`. */
export class GuildHistoryQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated event types', example: 'SettingsChanged' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}(,[A-Za-z][A-Za-z0-9]{0,63}){0,19}$/, {
    message: 'type must be a comma-separated list of event types',
  })
  type?: string;

  @ApiPropertyOptional({ description: 'Inclusive lower bound (ISO 8601)', example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Inclusive upper bound (ISO 8601)', example: '2026-01-31T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: ['usage'],
    description: "`usage` adds the guild's usage facts (commands, activity), left out by default",
  })
  @IsOptional()
  @IsIn(['usage'], { message: 'include must be usage' })
  include?: 'usage';
}

export function toHistoryFilter(dto: GuildHistoryQueryDto): GuildHistoryFilter {
  return {
    types: dto.type?.split(','),
    from: dto.from ? new Date(dto.from) : undefined,
    to: dto.to ? new Date(dto.to) : undefined,
    after: dto.after,
    limit: dto.limit ?? 50,
    includeUsage: dto.include === 'usage',
  };
}

/** Each entry says what happened, to what, who did it, through which door, and when. */
export function historyEntry(event: RecordedEvent) {
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    schema_version: event.schemaVersion,
    data: event.data,
    actor: event.metadata.actor,
    door: event.metadata.door,
    time: event.metadata.occurredAt,
    correlation_id: event.metadata.correlationId,
    causation_id: event.metadata.causationId,
  };
}

export function historyBody(page: GuildHistoryPage) {
  return { events: page.events.map(historyEntry), next_cursor: page.nextCursor };
}
