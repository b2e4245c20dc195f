import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { API_KEY_TIERS, DEVELOPER_BADGES } from '#domain';
import { IsSnowflake } from '../common/snowflake';
import { ApiSnowflake } from '../openapi/params';

/** Canonical `PUT /v1/developers/{username}` (admin). */
export class RegisterDeveloperDto {
  @ApiProperty({ example: true }) @IsBoolean() verified!: boolean;

  @ApiPropertyOptional({
    type: String,
    enum: DEVELOPER_BADGES,
    example: 'verified_developer',
    nullable: true,
    description: 'only for a verified developer',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(DEVELOPER_BADGES)
  badge?: string | null;

  @ApiPropertyOptional({ enum: API_KEY_TIERS, default: 'free' })
  @IsOptional()
  @IsIn(API_KEY_TIERS)
  api_tier?: string;

  @ApiSnowflake({ required: false, nullable: true, example: '5647382910' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsSnowflake()
  user_id?: string | null;
}
