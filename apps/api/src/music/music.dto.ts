import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LOOP_MODES, QUEUE_PLACEMENTS, type LoopMode, type QueuePlacement } from '#domain';
import { IsSnowflake } from '../common/snowflake';

export class EnqueueDto {
  @ApiProperty({ example: 'never gonna give you up rick astley', description: 'A URL or search text' })
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

  @ApiPropertyOptional({ description: "Who the track is for; the key owner's id when absent" })
  @IsOptional()
  @IsSnowflake()
  requested_by?: string;
}

export class MoveTrackDto {
  @ApiProperty({ description: 'New position in the queue; 0 plays next' })
  @IsInt()
  @Min(0)
  index!: number;
}

export class JoinDto {
  @ApiProperty() @IsSnowflake() channel_id!: string;

  @ApiPropertyOptional({ description: "The user asking; the key owner's id when absent" })
  @IsOptional()
  @IsSnowflake()
  requested_by?: string;
}

export class SkipDto {
  @ApiPropertyOptional({ description: 'Skip only if this track is still the current one' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  track_id?: string;
}

export class VolumeDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) volume!: number;
}

export class SeekDto {
  @ApiProperty({ description: 'Position in ms within the current track' })
  @IsInt()
  @Min(0)
  position_ms!: number;
}

export class LoopDto {
  @ApiProperty({ enum: LOOP_MODES }) @IsIn(LOOP_MODES) mode!: LoopMode;
}

export class FairShareDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
}
