import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional, IsString, ValidateIf } from 'class-validator';
import { WEBHOOK_LIMITS } from '#domain';
import type { WebhookEndpointInput } from '#core';
import { CursorPageQueryDto } from '../common/cursor-page.dto';

const EVENTS_DESCRIPTION =
  'Public event names (`SettingsChanged`, `TrackStarted`, `MemberJoined`, …), or `["*"]` for every event of the server';

/** `POST /v1/servers/{id}/webhooks`. Types are checked here; URL, event names and limits by the domain. */
export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.com/guildhall/webhooks', maxLength: WEBHOOK_LIMITS.urlMaxLength })
  @IsString()
  url!: string;

  @ApiProperty({
    type: [String],
    example: ['SettingsChanged', 'TrackStarted'],
    description: EVENTS_DESCRIPTION,
  })
  @IsArray()
  @IsString({ each: true })
  events!: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Audit mirror',
    maxLength: WEBHOOK_LIMITS.descriptionMaxLength,
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  description?: string | null;
}

/** `PATCH /v1/servers/{id}/webhooks/{webhook_id}`: every field optional, at least one. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://example.com/guildhall/webhooks' })
  @IsOptional()
  @IsString()
  url?: string;

  @ApiPropertyOptional({ type: [String], example: ['*'], description: EVENTS_DESCRIPTION })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  events?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Audit mirror' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({
    example: true,
    description: '`true` also re-enables an endpoint disabled after failing',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export function toEndpointInput(dto: UpdateWebhookDto): WebhookEndpointInput {
  const input: { -readonly [K in keyof WebhookEndpointInput]: WebhookEndpointInput[K] } = {};
  if (dto.url !== undefined) input.url = dto.url;
  if (dto.events !== undefined) input.events = dto.events;
  if (dto.description !== undefined) input.description = dto.description;
  if (dto.enabled !== undefined) input.enabled = dto.enabled;
  return input;
}

/** Paging of `GET …/deliveries`: `after` is the previous page's `next_cursor`. */
export class DeliveriesQueryDto extends CursorPageQueryDto {}
