import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { ModerationLogPage } from '#projections';

/** Query string of `GET /v1/servers/:id/moderation`. */
export class ModerationLogQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -1,
    description: 'Cursor from the previous page (exclusive global position)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Each entry names the action, the member, the channel and when; a filtering names its term only. */
export function moderationLogBody(page: ModerationLogPage) {
  return {
    entries: page.entries.map((entry) => ({
      id: entry.id,
      position: entry.position,
      type: entry.type,
      user_id: entry.userId,
      channel_id: entry.channelId,
      message_id: entry.messageId,
      term: entry.term,
      timeout: entry.timeout && {
        reason: entry.timeout.reason,
        until: entry.timeout.until,
        duration_seconds: entry.timeout.durationSeconds,
        messages: entry.timeout.messages,
        window_seconds: entry.timeout.windowSeconds,
      },
      time: entry.at,
    })),
    next_cursor: page.nextCursor,
  };
}
