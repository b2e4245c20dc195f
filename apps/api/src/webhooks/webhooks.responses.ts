import { ApiProperty } from '@nestjs/swagger';
import { ApiSnowflake } from '../openapi/params';

/** Response classes of the webhook routes (webhooks.views.ts builds the bodies; keep the two in step). */

export class WebhookResponse {
  @ApiProperty({ example: 'wh_5f0c2a9e8b7d6c5b4a3f2e1d' }) id!: string;
  @ApiSnowflake({ example: '123456789012345678' }) guild_id!: string;
  @ApiProperty({ example: 'https://example.com/guildhall/webhooks' }) url!: string;
  @ApiProperty({ type: [String], example: ['SettingsChanged', 'TrackStarted'] }) events!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'Audit mirror' }) description!: string | null;
  @ApiProperty({ example: true, description: 'false when switched off, or disabled after failing for days' })
  enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the dispatcher disabled it' })
  disabled_reason!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'until when the rotated-out secret still signs beside the new one',
  })
  previous_secret_expires_at!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) created_at!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.000Z' }) updated_at!: string;
}

/** The answer to create and rotate: the only time the secret is shown. */
export class WebhookWithSecretResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret; shown once, store it now',
  })
  secret!: string;
}

export class WebhookListResponse {
  @ApiProperty({ type: [WebhookResponse] }) webhooks!: WebhookResponse[];
}

export class WebhookDeliveryResponse {
  @ApiProperty({ example: 'dlv_0a1b2c3d4e5f60718293a4b5' }) id!: string;
  @ApiProperty({ example: 'wh_5f0c2a9e8b7d6c5b4a3f2e1d' }) webhook_id!: string;
  @ApiProperty({ example: 'msg_0b9c7c2e6d0f4c619a552f1c3e8d7a10', description: 'the `webhook-id` header' })
  message_id!: string;
  @ApiProperty({ example: 'SettingsChanged' }) event_type!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 42, description: 'null for a test delivery' })
  event_position!: number | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'], example: 'delivered' })
  status!: string;
  @ApiProperty({ type: 'integer', example: 1 }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 200 }) status_code!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 12, description: 'of the last attempt' })
  duration_ms!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-01T12:00:00.020Z' })
  last_attempt_at!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'when pending',
  })
  next_attempt_at!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-01T12:00:00.010Z' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-01-01T12:00:00.032Z' })
  delivered_at!: string | null;
}

export class WebhookDeliveryListResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) deliveries!: WebhookDeliveryResponse[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: null,
    description: 'Pass as `after` for the next page',
  })
  next_cursor!: number | null;
}
