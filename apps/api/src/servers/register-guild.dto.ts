import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import type { GuildProfile } from '#domain';
import { IsSnowflake } from '../common/snowflake';
import { NoHiddenCharacters } from '../common/no-hidden-characters';
import { ApiSnowflake } from '../openapi/params';

const MAX_COUNT = 10_000_000;

/** Registers a guild or replaces its profile: what the bot learns when it joins or sees a guild again. */
export class RegisterGuildDto {
  @ApiProperty({ example: 'My Discord Server', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @NoHiddenCharacters()
  name!: string;
  @ApiSnowflake({ example: '210987654321098765' }) @IsSnowflake() owner_id!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_COUNT, example: 1250 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  member_count!: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_COUNT, default: 0, example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  bot_count?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_COUNT, default: 0, example: 640 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  online_count?: number;
  @ApiPropertyOptional({ default: false, example: true }) @IsOptional() @IsBoolean() premium?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['music', 'moderation', 'analytics'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  features?: string[];
}

export function toGuildProfile(dto: RegisterGuildDto): GuildProfile {
  return {
    name: dto.name,
    ownerId: dto.owner_id,
    memberCount: dto.member_count,
    botCount: dto.bot_count ?? 0,
    onlineCount: dto.online_count ?? 0,
    premium: dto.premium ?? false,
    features: dto.features ?? [],
  };
}
