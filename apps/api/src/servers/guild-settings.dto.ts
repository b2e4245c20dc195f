import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import type { SettingsChanges } from '#domain';
import { IsSnowflake } from '../common/snowflake';
import { NoHiddenCharacters } from '../common/no-hidden-characters';
import { ApiSnowflake } from '../openapi/params';

export class AutoModDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() spam_protection?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 50 },
    maxItems: 100,
    example: ['badword1', 'badword2'],
    description: 'Stored lower-cased, trimmed and de-duplicated',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  @NoHiddenCharacters({}, { each: true })
  word_filter?: string[];
}

/** Settings as Hexify documents them; also the body of the canonical PATCH. Every field is optional. */
export class GuildSettingsDto {
  @ApiPropertyOptional({ example: '!', minLength: 1, maxLength: 10 })
  @IsOptional()
  @IsString()
  @Length(1, 10)
  @NoHiddenCharacters()
  prefix?: string;

  @ApiSnowflake({
    required: false,
    example: '987654321098765432',
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsSnowflake()
  welcome_channel?: string | null;

  @ApiSnowflake({
    required: false,
    example: '123456789012345678',
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsSnowflake()
  mod_log_channel?: string | null;

  @ApiPropertyOptional({ type: AutoModDto, description: 'at least one field' })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => AutoModDto)
  auto_mod?: AutoModDto;

  @ApiPropertyOptional({
    example: 'Europe/Paris',
    minLength: 1,
    maxLength: 64,
    description: 'IANA time zone for analytics "today" and day buckets; UTC by default',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  time_zone?: string;
}

/** Snake-case wire fields → the domain's change set; absent fields stay absent, null clears. */
export function toSettingsChanges(dto: GuildSettingsDto): SettingsChanges {
  const autoMod = dto.auto_mod && {
    ...(dto.auto_mod.enabled !== undefined && { enabled: dto.auto_mod.enabled }),
    ...(dto.auto_mod.spam_protection !== undefined && { spamProtection: dto.auto_mod.spam_protection }),
    ...(dto.auto_mod.word_filter !== undefined && { wordFilter: dto.auto_mod.word_filter }),
  };
  return {
    ...(dto.prefix !== undefined && { prefix: dto.prefix }),
    ...(dto.welcome_channel !== undefined && { welcomeChannelId: dto.welcome_channel }),
    ...(dto.mod_log_channel !== undefined && { modLogChannelId: dto.mod_log_channel }),
    ...(autoMod && { autoMod }),
    ...(dto.time_zone !== undefined && { timeZone: dto.time_zone }),
  };
}
