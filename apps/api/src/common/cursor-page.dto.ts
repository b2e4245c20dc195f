import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The paging every position-ordered list takes: `after` the previous page's cursor, `limit` per page. */
export class CursorPageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: -1,
    description: 'Cursor from the previous page (exclusive global position)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
