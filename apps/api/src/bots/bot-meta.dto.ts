import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import type { BotMeta } from '#domain';
import { IsSnowflake } from '../common/snowflake';
import { NoHiddenCharacters } from '../common/no-hidden-characters';
import { ApiSnowflake } from '../openapi/params';

/**
 * BotNexus's `PATCH /v1/bots/{bot_id}/meta`: every field optional, at least one required. Types are
 * checked here; limits (10 tags of 30 characters, 200-character description, the invite URL rule) by
 * the domain, so every door refuses alike.
 */
export class BotMetaDto {
  @ApiPropertyOptional({ type: [String], example: ['anime', 'utility'], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @NoHiddenCharacters({}, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: 'Anime lookups from AniList', maxLength: 200 })
  @IsOptional()
  @IsString()
  @NoHiddenCharacters({ multiline: true })
  short_description?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://discord.com/oauth2/authorize?client_id=847291032847&scope=bot',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  invite_url?: string | null;
}

export function toMetaChanges(dto: Partial<BotMetaDto>): Partial<BotMeta> {
  const changes: { -readonly [K in keyof BotMeta]?: BotMeta[K] } = {};
  if (dto.tags !== undefined) changes.tags = dto.tags;
  if (dto.short_description !== undefined) changes.shortDescription = dto.short_description;
  if (dto.invite_url !== undefined) changes.inviteUrl = dto.invite_url;
  return changes;
}

/** Canonical `PUT /v1/bots/{bot_id}`: registers a bot or brings it up to date (admin). */
export class RegisterBotDto extends BotMetaDto {
  @ApiProperty({ example: 'AniBot', minLength: 1, maxLength: 32 })
  @IsString()
  @Length(1, 32)
  @NoHiddenCharacters()
  name!: string;
  @ApiSnowflake({ example: '437086154215391233' }) @IsSnowflake() owner_id!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '!' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @NoHiddenCharacters()
  prefix?: string | null;
}
