import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { IsSnowflake } from '../common/snowflake';
import { NoHiddenCharacters } from '../common/no-hidden-characters';
import { ApiSnowflake } from '../openapi/params';

/** Bots on Discord's guild count body, with its message style. */
export class GuildCountDto {
  @ApiProperty({ type: 'integer', example: 54783, minimum: 0 })
  @ValidateBy({
    name: 'isGuildCount',
    validator: {
      // One rule, one message: three stacked decorators would repeat it three times.
      validate: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0,
      defaultMessage: () => 'guildCount must be a whole number of at least 0',
    },
  })
  guildCount!: number;
}

/** `GET /bot-api/bots/:id/review?owner={user id}`. */
export class ReviewCheckQueryDto {
  @ApiSnowflake({ example: '437086154215391233', description: 'the user whose review is checked' })
  @IsSnowflake({ message: 'owner must be a Discord user id (a decimal string of up to 20 digits)' })
  owner!: string;
}

/** Canonical `POST /v1/bots/{bot_id}/reviews`: the reviewer is the key's owner. */
export class ReviewDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'Fast and reliable' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @NoHiddenCharacters({ multiline: true })
  text?: string | null;
}

/** Canonical `POST /v1/bots/{bot_id}/samples`: one health probe, reported by the bot itself. */
export class BotSampleDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 42,
    minimum: 0,
    maximum: 60_000,
    description: 'gateway latency in ms; null when offline',
  })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(60_000)
  latency_ms!: number | null;

  @ApiProperty({ example: true }) @IsBoolean() online!: boolean;

  @ApiPropertyOptional({
    example: true,
    description: 'whether the bot answered a command; defaults to online',
  })
  @IsOptional()
  @IsBoolean()
  commands_ok?: boolean;

  @ApiPropertyOptional({
    example: '2026-01-01T12:00:00Z',
    description: 'ISO 8601; defaults to now. Older or repeated samples are ignored.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  sampled_at?: string;
}
