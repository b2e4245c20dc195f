import type { ApiKeyEvent } from '../apikey/apikey.events';
import { GUILD_EVENT_TYPES } from '../guild/guild.events';
import { MODERATION_EVENT_TYPES } from '../moderation/moderation.events';
import { PLAYER_EVENT_TYPES } from '../player/player.events';
import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import { USAGE_EVENT_TYPES } from '../usage/usage.events';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointFields } from './webhook.events';

export const WEBHOOK_LIMITS = {
  endpointsPerGuild: 10,
  urlMaxLength: 2_048,
  descriptionMaxLength: 200,
  eventTypesMax: 50,
  /** How long a rotated-out secret keeps signing beside the new one. */
  previousSecretGraceMs: 24 * 60 * 60 * 1000,
} as const;

/**
 * Every event a guild's webhook may subscribe to: the public names of the events that name the guild
 * in their data. Of a key's events only its issue does (a key bound to the guild); the later ones
 * name the key alone, so offering them would promise deliveries that never come.
 */
export const WEBHOOK_SUBSCRIBABLE_EVENT_TYPES: readonly string[] = [
  ...GUILD_EVENT_TYPES,
  ...PLAYER_EVENT_TYPES,
  ...MODERATION_EVENT_TYPES,
  ...USAGE_EVENT_TYPES,
  'ApiKeyIssued' satisfies ApiKeyEvent['type'],
  ...WEBHOOK_EVENT_TYPES,
];
const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_SUBSCRIBABLE_EVENT_TYPES);
export const ALL_EVENTS = '*';

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

/** An absolute http(s) URL without credentials; where it may point is the outbound guard's call at send time. */
export function normalizeWebhookUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > WEBHOOK_LIMITS.urlMaxLength) {
    throw invalid(
      'invalid_url',
      `url must be an http(s) URL of at most ${WEBHOOK_LIMITS.urlMaxLength} characters`,
      'url',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('invalid_url', 'url must be an absolute http(s) URL', 'url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('invalid_url', 'url must use http or https', 'url');
  }
  // A password in the URL would be stored in the clear in every event and payload log.
  if (url.username || url.password) throw invalid('invalid_url', 'url must not carry credentials', 'url');
  if (url.hash) throw invalid('invalid_url', 'url must not have a #fragment', 'url');
  return url.href;
}

/** A non-empty set of known event names, or `*` alone; duplicates are dropped, order kept. */
export function normalizeEventTypes(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > WEBHOOK_LIMITS.eventTypesMax) {
    throw invalid(
      'invalid_events',
      `events must list 1–${WEBHOOK_LIMITS.eventTypesMax} event types, or ["*"] for all`,
      'events',
    );
  }
  const types = [...new Set(value)];
  for (const type of types) {
    if (type === ALL_EVENTS) continue;
    if (typeof type !== 'string' || !SUBSCRIBABLE.has(type)) {
      throw invalid(
        'unknown_event_type',
        `unknown event type ${JSON.stringify(type)}; use the public event names (e.g. SettingsChanged) or "*"`,
        'events',
      );
    }
  }
  if (types.includes(ALL_EVENTS) && types.length > 1) {
    throw invalid('invalid_events', 'events: "*" already covers every event; list it alone', 'events');
  }
  return types as string[];
}

export function normalizeDescription(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > WEBHOOK_LIMITS.descriptionMaxLength) {
    throw invalid(
      'invalid_description',
      `description must be text of at most ${WEBHOOK_LIMITS.descriptionMaxLength} characters`,
      'description',
    );
  }
  assertPlainText(value, 'description');
  return value;
}

/** Whether an endpoint subscribed to events of this type. */
export const subscribesTo = (endpoint: Pick<WebhookEndpointFields, 'events'>, type: string): boolean =>
  endpoint.events.includes(ALL_EVENTS) || endpoint.events.includes(type);
