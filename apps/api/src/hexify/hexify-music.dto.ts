import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsSnowflake } from '../common/snowflake';
import { ApiSnowflake } from '../openapi/params';

/** The seed's play body. */
export class HexifyPlayDto {
  @ApiProperty({
    example: 'never gonna give you up rick astley',
    description: 'A URL or search text',
    minLength: 1,
    maxLength: 500,
  })
  @IsString()
  @Length(1, 500)
  query!: string;

  @ApiPropertyOptional({
    example: 'youtube',
    description: 'Where to search free text: youtube, soundcloud, local…',
  })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  source?: string;

  @ApiSnowflake({
    required: false,
    example: '123456789012345678',
    description: "The Discord user the track is queued for; the key owner's id when absent",
  })
  @IsOptional()
  @IsSnowflake()
  requested_by?: string;
}
