import { ApiProperty } from '@nestjs/swagger';
import { ApiSnowflake } from '../openapi/params';

/** Response classes of the guild routes (guild.views.ts builds the bodies; keep the two in step). */

export class AutoModResponse {
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: true }) spam_protection!: boolean;
  @ApiProperty({ type: [String], example: ['badword1', 'badword2'] }) word_filter!: string[];
}

export class HexifySettingsResponse {
  @ApiProperty({ example: 'h!' }) prefix!: string;
  @ApiSnowflake({ example: '987654321098765432', nullable: true, description: 'null when unset' })
  welcome_channel!: string | null;
  @ApiSnowflake({ example: '123456789012345678', nullable: true, description: 'null when unset' })
  mod_log_channel!: string | null;
  @ApiProperty({ type: AutoModResponse }) auto_mod!: AutoModResponse;
}

/** Hexify's `GET /v2/servers/{server_id}`. */
export class HexifyServerResponse {
  @ApiSnowflake({ example: '123456789012345678' }) id!: string;
  @ApiProperty({ example: 'My Discord Server' }) name!: string;
  @ApiProperty({ type: 'integer', example: 1250 }) member_count!: number;
  @ApiProperty({ example: true }) premium!: boolean;
  @ApiProperty({ type: [String], example: ['music', 'moderation', 'analytics'] }) features!: string[];
  @ApiProperty({ type: HexifySettingsResponse }) settings!: HexifySettingsResponse;
}

export class CanonicalSettingsResponse extends HexifySettingsResponse {
  @ApiProperty({
    type: String,
    example: 'Europe/Paris',
    nullable: true,
    description: 'IANA zone; null means UTC',
  })
  time_zone!: string | null;
}

/** The canonical `/v1/servers/{id}` resource. */
export class CanonicalServerResponse {
  @ApiSnowflake({ example: '123456789012345678' }) id!: string;
  @ApiProperty({ example: 'My Discord Server' }) name!: string;
  @ApiSnowflake({ example: '210987654321098765' }) owner_id!: string;
  @ApiProperty({ type: 'integer', example: 1250 }) member_count!: number;
  @ApiProperty({ type: 'integer', example: 12 }) bot_count!: number;
  @ApiProperty({ type: 'integer', example: 640 }) online_count!: number;
  @ApiProperty({ example: true }) premium!: boolean;
  @ApiProperty({ type: [String], example: ['music', 'moderation', 'analytics'] }) features!: string[];
  @ApiProperty({ type: CanonicalSettingsResponse }) settings!: CanonicalSettingsResponse;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description:
      'when the bot was removed from the guild (its data stays readable as history); null while it is in it',
  })
  removed_at!: string | null;
  @ApiProperty({ type: 'integer', example: 3, description: "Revision of the guild's stream" })
  revision!: number;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) updated_at!: string;
}

export class ActorResponse {
  @ApiProperty({ enum: ['apikey', 'discord-user', 'system'], example: 'apikey' }) kind!: string;
  @ApiProperty({ example: 'k7f3a9c2d1e0b4a5', description: 'key id, Discord user id or system name' })
  id!: string;
}

export class GuildEventResponse {
  @ApiProperty({ format: 'uuid', example: '0b9c7c2e-6d0f-4c61-9a55-2f1c3e8d7a10' }) id!: string;
  @ApiProperty({ example: 'guild-123456789012345678' }) stream!: string;
  @ApiProperty({ type: 'integer', example: 1 }) revision!: number;
  @ApiProperty({ type: 'integer', example: 42 }) position!: number;
  @ApiProperty({ example: 'SettingsChanged' }) type!: string;
  @ApiProperty({ type: 'integer', example: 1 }) schema_version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's data, as recorded",
    example: { guildId: '123456789012345678', changes: { prefix: '!' } },
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: ActorResponse }) actor!: ActorResponse;
  @ApiProperty({ enum: ['rest', 'discord', 'cli', 'system'], example: 'rest' }) door!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) time!: string;
  @ApiProperty({ example: '5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b' }) correlation_id!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) causation_id!: string | null;
}

/** `GET /v1/servers/{id}/events`: one page of the audit history, oldest first. */
export class GuildHistoryResponse {
  @ApiProperty({ type: [GuildEventResponse] }) events!: GuildEventResponse[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 42,
    description: 'Pass as `after` for the next page',
  })
  next_cursor!: number | null;
}
