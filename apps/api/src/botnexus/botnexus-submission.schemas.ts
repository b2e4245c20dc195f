import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiSnowflake, SNOWFLAKE_SCHEMA } from '../openapi/params';

/**
 * BotNexus's `POST /v1/analytics/submit` body, as analytics-submission.ts reads it: the seed's
 * examples send `server_id` as a string, some clients as a number.
 */
export class AnalyticsSubmissionInput {
  @ApiProperty({
    oneOf: [SNOWFLAKE_SCHEMA, { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }],
    example: '1029384756',
  })
  server_id!: string | number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 482 }) active_users!: number;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', description: 'ISO 8601, any offset' },
      { type: 'number', minimum: 0, description: 'epoch seconds (below 1e11) or milliseconds' },
      { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'epoch seconds or milliseconds as digits' },
    ],
    example: '2026-01-01T12:00:00Z',
    description:
      'When the figure was measured; absent or null means now. At most 5 minutes ahead and 7 days old.',
  })
  timestamp?: string | number | null;
}

/** What submit answers: the report as recorded (201), or as it already was (200). */
export class AnalyticsSubmissionResponse {
  @ApiSnowflake({ example: '1029384756' }) server_id!: string;
  @ApiProperty({ type: 'integer', example: 482 }) active_users!: number;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) timestamp!: string;
  @ApiProperty({ example: true, description: 'false when this server already had a report at that instant' })
  created!: boolean;
}
