import type { RecordedEvent } from '#eventstore';

/**
 * The body a receiver gets for one event: `{type, timestamp, data}` where `data` is the event as the
 * canonical `/v1` history shows it (snake_case envelope, the event's own data as recorded) plus the
 * guild it belongs to. Secret material is left out even where it is ciphertext or a hash.
 */
export function eventPayload(event: RecordedEvent, guildId: string): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.metadata.occurredAt,
    data: {
      guild_id: guildId,
      stream: event.streamId,
      position: event.position,
      revision: event.revision,
      id: event.id,
      schema_version: event.schemaVersion,
      data: withoutSecrets(event.data),
      actor: event.metadata.actor,
      door: event.metadata.door,
      time: event.metadata.occurredAt,
      correlation_id: event.metadata.correlationId,
      causation_id: event.metadata.causationId,
    },
  });
}

/** `POST …/test`: a delivery that says only that the endpoint is reachable and the signature checks out. */
export function testPayload(guildId: string, webhookId: string, at: Date): string {
  return JSON.stringify({
    type: 'WebhookTest',
    timestamp: at.toISOString(),
    data: { guild_id: guildId, webhook_id: webhookId, message: 'Guildhall webhook test delivery' },
  });
}

/** The guild an event belongs to: every guild-scoped event names it in its data. */
export function guildIdOf(event: RecordedEvent): string | undefined {
  const data = event.data as { guildId?: unknown } | null;
  return typeof data?.guildId === 'string' ? data.guildId : undefined;
}

/** A webhook's sealed secret, a key's hash: useless to a receiver, and nothing to spread further. */
const SECRET_FIELDS = ['secret', 'secretHash'];

function withoutSecrets(data: unknown): unknown {
  if (!data || typeof data !== 'object' || !SECRET_FIELDS.some((field) => field in data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !SECRET_FIELDS.includes(field)));
}
