import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_TIERS } from '#domain';
import { ApiSnowflake } from '../openapi/params';

export class KeyResponse {
  @ApiProperty({ pattern: '^[a-z0-9]{16}$', example: 'k7f3a9c2d1e0b4a5' }) id!: string;
  @ApiSnowflake({ example: '460177285954142208' }) owner_id!: string;
  @ApiProperty({ enum: API_KEY_TIERS, example: 'free' }) tier!: string;
  @ApiProperty({ type: [String], example: ['bot:125367104336691200'], description: '`admin` or `bot:{id}`' })
  scopes!: string[];
  @ApiSnowflake({ example: '766045633697021973', nullable: true, description: 'the guild a key is bound to' })
  guild_id!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'dashboard' }) label!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) issued_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) revoked_at!:
    string | null;
  @ApiProperty({ example: true, description: 'the key this request was made with' }) current!: boolean;
}

/** `GET /v1/keys`: the caller's keys, never their secrets. */
export class KeyListResponse {
  @ApiProperty({ type: [KeyResponse] }) keys!: KeyResponse[];
}
