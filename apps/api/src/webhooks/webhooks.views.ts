import type { DeliveryPage, DeliveryRow, WebhookView } from '#core';
import type { WebhookDeliveryResponse, WebhookResponse } from './webhooks.responses';

export function webhookBody(view: WebhookView): WebhookResponse {
  return {
    id: view.webhookId,
    guild_id: view.guildId,
    url: view.url,
    events: [...view.events],
    description: view.description,
    enabled: view.enabled,
    disabled_reason: view.disabledReason,
    previous_secret_expires_at: view.previousSecretExpiresAt,
    created_at: view.createdAt,
    updated_at: view.updatedAt,
  };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function deliveryBody(row: DeliveryRow): WebhookDeliveryResponse {
  return {
    id: row.delivery_id,
    webhook_id: row.webhook_id,
    message_id: row.message_id,
    event_type: row.event_type,
    event_position: row.event_position,
    status: row.status,
    attempts: row.attempts,
    status_code: row.last_status_code,
    duration_ms: row.last_duration_ms,
    error: row.last_error,
    last_attempt_at: iso(row.last_attempt_at),
    next_attempt_at: iso(row.next_attempt_at),
    created_at: iso(row.created_at)!,
    delivered_at: iso(row.delivered_at),
  };
}

export const deliveryPageBody = (page: DeliveryPage) => ({
  deliveries: page.deliveries.map(deliveryBody),
  next_cursor: page.nextCursor,
});
