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

const MAX_COUNT = 10_000_000;

/** Registers a guild or replaces its profile: what the bot learns when it joins or sees a guild again. */
export class RegisterGuildDto {
  @ApiProperty({ example: 'My Discord Server' })
  @IsString()
  @Length(1, 100)
  @NoHiddenCharacters()
  name!: string;
  @ApiProperty({ example: '210987654321098765' }) @IsSnowflake() owner_id!: string;
  @ApiProperty({ example: 1250 }) @IsInt() @Min(0) @Max(MAX_COUNT) member_count!: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) bot_count?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT) online_count?: number;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() premium?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['music', 'moderation'] })
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
