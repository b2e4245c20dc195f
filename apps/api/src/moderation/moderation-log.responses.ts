import { ApiProperty } from '@nestjs/swagger';
import { MODERATION_EVENT_TYPES, TIMEOUT_REASONS } from '#domain';
import { ApiSnowflake } from '../openapi/params';

export class TimeoutResponse {
  @ApiProperty({ enum: TIMEOUT_REASONS, example: 'spam' }) reason!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:10:00.000Z' }) until!: string;
  @ApiProperty({ type: 'integer', example: 600 }) duration_seconds!: number;
  @ApiProperty({ type: 'integer', example: 5, description: 'messages that tripped the rule' })
  messages!: number;
  @ApiProperty({ type: 'integer', example: 5 }) window_seconds!: number;
}

export class ModerationEntryResponse {
  @ApiProperty({ format: 'uuid', example: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) id!: string;
  @ApiProperty({ type: 'integer', example: 42 }) position!: number;
  @ApiProperty({ enum: MODERATION_EVENT_TYPES, example: 'MessageFiltered' }) type!: string;
  @ApiSnowflake({ example: '460177285954142208' }) user_id!: string;
  @ApiSnowflake({ example: '987654321098765432' }) channel_id!: string;
  @ApiSnowflake({ example: '1122334455667788990', nullable: true, description: 'the removed message' })
  message_id!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'badword1', description: 'the term that matched' })
  term!: string | null;
  @ApiProperty({ type: TimeoutResponse, nullable: true }) timeout!: TimeoutResponse | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) time!: string;
}

/** `GET /v1/servers/{id}/moderation`: one page of what auto-moderation did. */
export class ModerationLogResponse {
  @ApiProperty({ type: [ModerationEntryResponse] }) entries!: ModerationEntryResponse[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: null,
    description: 'Pass as `after` for the next page',
  })
  next_cursor!: number | null;
}
