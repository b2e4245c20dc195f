import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LOOP_MODES, QUEUE_PLACEMENTS, type LoopMode, type QueuePlacement } from '#domain';
import { IsSnowflake } from '../common/snowflake';
import { ApiSnowflake } from '../openapi/params';

export class EnqueueDto {
  @ApiProperty({
    example: 'never gonna give you up rick astley',
    description: 'A URL or search text',
    minLength: 1,
    maxLength: 500,
  })
  @IsString()
  @Length(1, 500)
  query!: string;

  @ApiPropertyOptional({ example: 'youtube', description: 'Where to search free text' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  source?: string;

  @ApiPropertyOptional({ enum: QUEUE_PLACEMENTS, default: 'end' })
  @IsOptional()
  @IsIn(QUEUE_PLACEMENTS)
  placement?: QueuePlacement;

  @ApiSnowflake({
    required: false,
    example: '123456789012345678',
    description: "Who the track is for; the key owner's id when absent",
  })
  @IsOptional()
  @IsSnowflake()
  requested_by?: string;
}

export class MoveTrackDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'New position in the queue; 0 plays next',
  })
  @IsInt()
  @Min(0)
  index!: number;
}

export class JoinDto {
  @ApiSnowflake({ example: '987654321098765432' }) @IsSnowflake() channel_id!: string;

  @ApiSnowflake({
    required: false,
    example: '123456789012345678',
    description: "The user asking; the key owner's id when absent",
  })
  @IsOptional()
  @IsSnowflake()
  requested_by?: string;
}

export class SkipDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 64,
    example: 'b3c1f0e2a9d84c7e',
    description: 'Skip only if this track is still the current one',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  track_id?: string;
}

export class VolumeDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 75 })
  @IsInt()
  @Min(0)
  @Max(100)
  volume!: number;
}

export class SeekDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 60_000,
    description: 'Position in ms within the current track',
  })
  @IsInt()
  @Min(0)
  position_ms!: number;
}

export class LoopDto {
  @ApiProperty({ enum: LOOP_MODES, example: 'queue' }) @IsIn(LOOP_MODES) mode!: LoopMode;
}

export class FairShareDto {
  @ApiProperty({ example: true }) @IsBoolean() enabled!: boolean;
}
