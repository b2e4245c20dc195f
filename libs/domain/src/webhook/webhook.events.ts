import type { DomainEvent } from '../shared/decider';

/**
 * The secret as events carry it: sealed (AES-256-GCM) with the server's webhook key, never the
 * plaintext, so the audit history and rebuilt read models can show the event without leaking it.
 */
export type SealedSecret = string;

/** What a receiver subscribed to: public event names, or `*` for every event of the guild. */
export interface WebhookEndpointFields {
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
}

type EndpointRef = { readonly guildId: string; readonly webhookId: string };

export type WebhookEndpointCreated = DomainEvent<
  'WebhookEndpointCreated',
  EndpointRef & WebhookEndpointFields & { readonly secret: SealedSecret }
>;
/** Only the fields that changed; `enabled: true` also re-enables an endpoint the dispatcher disabled. */
export type WebhookEndpointUpdated = DomainEvent<
  'WebhookEndpointUpdated',
  EndpointRef & { readonly changes: Partial<WebhookEndpointFields & { readonly enabled: boolean }> }
>;
/** The new secret signs from now on; the previous one keeps signing beside it until `previousSecretExpiresAt`. */
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  EndpointRef & { readonly secret: SealedSecret; readonly previousSecretExpiresAt: string }
>;
export type WebhookEndpointDeleted = DomainEvent<'WebhookEndpointDeleted', EndpointRef>;
/** The dispatcher gave up on the endpoint after its retry schedule ran out (about three days of failures). */
export type WebhookEndpointDisabled = DomainEvent<
  'WebhookEndpointDisabled',
  EndpointRef & { readonly reason: string; readonly failingSince: string }
>;

export type WebhookEvent =
  | WebhookEndpointCreated
  | WebhookEndpointUpdated
  | WebhookSecretRotated
  | WebhookEndpointDeleted
  | WebhookEndpointDisabled;

export const WEBHOOK_EVENT_TYPES = [
  'WebhookEndpointCreated',
  'WebhookEndpointUpdated',
  'WebhookSecretRotated',
  'WebhookEndpointDeleted',
  'WebhookEndpointDisabled',
] as const satisfies readonly WebhookEvent['type'][];

/** Every endpoint of one guild lives in one stream: a guild has few, and its limit is checked in one fold. */
export const webhookStreamId = (guildId: string): string => `webhooks-${guildId}`;
export const WEBHOOK_STREAM_PREFIX = 'webhooks-';
