import { ApiProperty } from '@nestjs/swagger';
import { ApiSnowflake } from '../openapi/params';

/** Hush Bot's `GET /v1/users/{id}`, as its document shows it. */
export class HushUserResponse {
  @ApiSnowflake({ example: '123456' }) id!: string;
  @ApiProperty({ example: 'User#1234' }) username!: string;
  @ApiProperty({ type: [String], example: ['Admin', 'Member'] }) roles!: string[];
}

/** Hush Bot's `GET /v1/servers/{id}/stats`. */
export class HushStatsResponse {
  @ApiProperty({ type: 'integer', example: 120 }) members!: number;
  @ApiProperty({ type: 'integer', example: 5 }) bots!: number;
  @ApiProperty({ type: 'integer', example: 95 }) online!: number;
}
