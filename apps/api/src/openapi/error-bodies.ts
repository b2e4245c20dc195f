import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid field of a request, as the validation 400 lists them. */
export class FieldErrorBody {
  @ApiProperty({ example: 'auto_mod.word_filter' }) field!: string;
  @ApiProperty({
    example: 'auto_mod.each value in word_filter must be shorter than or equal to 50 characters',
  })
  message!: string;
}

/**
 * The one error shape of every answer of 400 and above, whichever layer produced it: our handlers,
 * the JSON parser, the router or the HTTP server (common/error-body.ts, common/api-exception.filter.ts).
 */
export class ApiErrorBody {
  @ApiProperty({ type: 'integer', example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found', description: 'The reason phrase of the status' }) error!: string;
  @ApiProperty({
    example: 'server 123456789012345678 not found',
    description: 'What went wrong, naming the field',
  })
  message!: string;

  @ApiPropertyOptional({ example: 'guild_not_found', description: 'A domain refusal: its stable code' })
  code?: string;

  @ApiPropertyOptional({
    example: 'welcome_channel',
    description: 'The field a refusal is about, as the client named it',
  })
  field?: string;

  @ApiPropertyOptional({
    type: [FieldErrorBody],
    maxItems: 10,
    description: 'Validation: the first 10 invalid fields',
  })
  fields?: FieldErrorBody[];

  @ApiPropertyOptional({
    type: 'integer',
    example: 3,
    description: 'Validation: how many more problems were not listed',
  })
  more_errors?: number;
}

/** A 429 outside Hexify and Bots on Discord: the error shape plus the seconds to wait. */
export class RateLimitedBody extends ApiErrorBody {
  @ApiProperty({ type: 'integer', example: 36, description: 'Seconds until a request is allowed again' })
  retry_after!: number;
}

/** Hexify's 429, exactly as its document prints it. */
export class HexifyRateLimitedBody {
  @ApiProperty({ example: 'Rate limit exceeded' }) error!: string;
  @ApiProperty({ example: 'You have exceeded your hourly rate limit' }) message!: string;
  @ApiProperty({ type: 'integer', example: 3600, description: 'Seconds until a request is allowed again' })
  retry_after!: number;
}

/** Bots on Discord's 429: "if a request fails it will have a message field". */
export class BotsOnDiscordRateLimitedBody {
  @ApiProperty({
    example: 'Rate limit exceeded: 2 requests per 240 s (guild-count); retry in 180 s',
  })
  message!: string;
}
