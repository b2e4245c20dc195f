import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { API_KEY_TIERS, DEVELOPER_BADGES } from '#domain';
import { ApiSnowflake } from '../openapi/params';

/** Response classes of the bot routes (bot.views.ts builds the bodies; keep the two in step). */

/** developer-username.pipe.ts: Discord's usernames, matched case-insensitively. */
export const DEVELOPER_USERNAME_SCHEMA: SchemaObject = {
  type: 'string',
  pattern: '^(?!.*\\.\\.)[A-Za-z0-9_.]{2,32}$',
  description: "Discord username: 2–32 letters, digits, _ or . (no '..'), any case",
};

const instant = (example: string, nullable = false) =>
  ApiProperty({ type: String, format: 'date-time', nullable, example });

/** BotNexus's bot profile, also the canonical `/v1/bots/{bot_id}` resource. */
export class BotProfileResponse {
  @ApiSnowflake({ example: '847291032847' }) id!: string;
  @ApiProperty({ example: 'NexusBot' }) name!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 42.5,
    description: 'mean over every sample; null before the first',
  })
  avg_latency_ms!: number | null;
  @ApiProperty({
    type: 'integer',
    example: 1284,
    description: 'last guild count reported; 0 before the first',
  })
  server_count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.5, description: 'percent of samples online' })
  uptime!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 99.25,
    description: 'percent of samples answering a command',
  })
  command_uptime!: number | null;
  @ApiProperty({ type: [String], example: ['anime', 'utility'] }) tags!: string[];
  @ApiProperty({ example: 'Anime lookups from AniList' }) short_description!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://discord.com/oauth2/authorize?client_id=847291032847&scope=bot',
  })
  invite_url!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '!' }) prefix!: string | null;
  @ApiSnowflake({ example: '5647382910' }) owner_id!: string;
  @ApiProperty({ example: true }) approved!: boolean;
  @ApiProperty({ type: 'integer', example: 12 }) command_count!: number;
  @ApiProperty({ type: 'integer', example: 3 }) review_count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.67 }) average_rating!: number | null;
  @ApiProperty({ type: 'integer', example: 4 }) samples!: number;
  @instant('2026-01-01T12:00:00.000Z', true) last_sampled_at!: string | null;
  @instant('2026-01-01T12:00:00.000Z', true) server_count_updated_at!: string | null;
  @instant('2025-12-01T09:00:00.000Z') registered_at!: string;
  @instant('2026-01-01T12:00:00.000Z') updated_at!: string;
  @ApiProperty({ type: 'integer', example: 7, description: "Revision of the bot's stream" })
  revision!: number;
}

export class ReviewResponse {
  @ApiSnowflake({ example: '125367104336691200' }) bot_id!: string;
  @ApiSnowflake({ example: '437086154215391233' }) user_id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 }) rating!: number;
  @ApiProperty({ type: String, nullable: true, example: 'Fast and reliable' }) text!: string | null;
  @instant('2026-01-01T12:00:00.000Z') created_at!: string;
  @instant('2026-01-01T12:00:00.000Z') updated_at!: string;
}

export class ReviewListResponse {
  @ApiProperty({ type: [ReviewResponse] }) reviews!: ReviewResponse[];
}

/** Bots on Discord's review check. */
export class ReviewExistsResponse {
  @ApiProperty({ example: true }) exists!: boolean;
}

/** BotNexus's `GET /v1/developers/{username}/status`. */
export class DeveloperStatusResponse {
  @ApiProperty({ example: 'arcdev' }) username!: string;
  @ApiProperty({ example: true }) verified!: boolean;
  @ApiProperty({ type: String, enum: DEVELOPER_BADGES, nullable: true, example: 'verified_developer' })
  badge!: string | null;
  @ApiProperty({ enum: API_KEY_TIERS, example: 'premium' }) api_tier!: string;
}
