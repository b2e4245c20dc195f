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

export class AutoModDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() spam_protection?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: 100 })
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

  @ApiPropertyOptional({ example: '987654321098765432', nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsSnowflake()
  welcome_channel?: string | null;

  @ApiPropertyOptional({ example: '123456789012345678', nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsSnowflake()
  mod_log_channel?: string | null;

  @ApiPropertyOptional({ type: AutoModDto })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false })
  @ValidateNested()
  @Type(() => AutoModDto)
  auto_mod?: AutoModDto;

  @ApiPropertyOptional({
    example: 'Europe/Paris',
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
