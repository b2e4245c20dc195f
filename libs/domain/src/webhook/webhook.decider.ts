import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type {
  CreateWebhookEndpoint,
  RotateWebhookSecret,
  UpdateWebhookEndpoint,
  WebhookCommand,
} from './webhook.commands';
import type { SealedSecret, WebhookEndpointFields, WebhookEvent } from './webhook.events';
import {
  WEBHOOK_LIMITS,
  normalizeDescription,
  normalizeEventTypes,
  normalizeWebhookUrl,
} from './webhook.rules';

/** One endpoint as its events leave it. */
export interface WebhookEndpointState extends WebhookEndpointFields {
  readonly webhookId: string;
  readonly enabled: boolean;
  readonly secret: SealedSecret;
  readonly previousSecret: { readonly secret: SealedSecret; readonly expiresAt: string } | null;
  readonly disabledReason: string | null;
}

/** A guild's endpoints by id (`webhooks-{guildId}`); deleted ones are gone. */
export interface WebhooksState {
  readonly endpoints: Readonly<Record<string, WebhookEndpointState>>;
}

const notFound = (webhookId: string): DomainError =>
  new DomainError('not_found', 'webhook_not_found', `webhook ${webhookId} not found`, 'webhook_id');

function endpointOf(state: WebhooksState, webhookId: string): WebhookEndpointState {
  const endpoint = state.endpoints[webhookId];
  if (!endpoint) throw notFound(webhookId);
  return endpoint;
}

function create(command: CreateWebhookEndpoint, state: WebhooksState): WebhookEvent[] {
  if (state.endpoints[command.webhookId]) return [];
  if (Object.keys(state.endpoints).length >= WEBHOOK_LIMITS.endpointsPerGuild) {
    throw new DomainError(
      'conflict',
      'too_many_webhooks',
      `a server may have at most ${WEBHOOK_LIMITS.endpointsPerGuild} webhooks; delete one first`,
    );
  }
  const fields = {
    url: normalizeWebhookUrl(command.url),
    events: normalizeEventTypes(command.events),
    description: normalizeDescription(command.description),
  };
  const { guildId, webhookId, secret } = command;
  return [{ type: 'WebhookEndpointCreated', data: { guildId, webhookId, ...fields, secret } }];
}

function update(command: UpdateWebhookEndpoint, state: WebhooksState): WebhookEvent[] {
  const endpoint = endpointOf(state, command.webhookId);
  const changes: { url?: string; events?: string[]; description?: string | null; enabled?: boolean } = {};
  if (command.url !== undefined) {
    const url = normalizeWebhookUrl(command.url);
    if (url !== endpoint.url) changes.url = url;
  }
  if (command.events !== undefined) {
    const events = normalizeEventTypes(command.events);
    if (events.join(',') !== endpoint.events.join(',')) changes.events = events;
  }
  if (command.description !== undefined) {
    const description = normalizeDescription(command.description);
    if (description !== endpoint.description) changes.description = description;
  }
  if (command.enabled !== undefined) {
    if (typeof command.enabled !== 'boolean') {
      throw new DomainError('invalid', 'invalid_enabled', 'enabled must be true or false', 'enabled');
    }
    if (command.enabled !== endpoint.enabled) changes.enabled = command.enabled;
  }
  if (Object.keys(changes).length === 0) return [];
  const { guildId, webhookId } = command;
  return [{ type: 'WebhookEndpointUpdated', data: { guildId, webhookId, changes } }];
}

function rotate(command: RotateWebhookSecret, state: WebhooksState, now: string): WebhookEvent[] {
  endpointOf(state, command.webhookId);
  const previousSecretExpiresAt = new Date(
    Date.parse(now) + WEBHOOK_LIMITS.previousSecretGraceMs,
  ).toISOString();
  const { guildId, webhookId, secret } = command;
  return [{ type: 'WebhookSecretRotated', data: { guildId, webhookId, secret, previousSecretExpiresAt } }];
}

/** Pure fold of one endpoint change; trusts the event. */
function evolveEndpoint(
  endpoint: WebhookEndpointState | undefined,
  event: WebhookEvent,
): WebhookEndpointState | undefined {
  switch (event.type) {
    case 'WebhookEndpointCreated': {
      const { guildId: _guild, secret, ...fields } = event.data;
      return { ...fields, secret, enabled: true, previousSecret: null, disabledReason: null };
    }
    case 'WebhookEndpointUpdated':
      if (!endpoint) return endpoint;
      return {
        ...endpoint,
        ...event.data.changes,
        disabledReason: event.data.changes.enabled === true ? null : endpoint.disabledReason,
      };
    case 'WebhookSecretRotated':
      if (!endpoint) return endpoint;
      return {
        ...endpoint,
        secret: event.data.secret,
        previousSecret: { secret: endpoint.secret, expiresAt: event.data.previousSecretExpiresAt },
      };
    case 'WebhookEndpointDisabled':
      return endpoint && { ...endpoint, enabled: false, disabledReason: event.data.reason };
    case 'WebhookEndpointDeleted':
      return undefined;
    default:
      return endpoint;
  }
}

/** A guild's webhook endpoints: who receives which events, and with which secrets. */
export const webhookDecider: Decider<WebhooksState, WebhookCommand, WebhookEvent> = {
  initialState: () => ({ endpoints: {} }),
  schemaVersions: {
    WebhookEndpointCreated: 1,
    WebhookEndpointUpdated: 1,
    WebhookSecretRotated: 1,
    WebhookEndpointDeleted: 1,
    WebhookEndpointDisabled: 1,
  },

  decide(command, state, { now }) {
    switch (command.type) {
      case 'CreateWebhookEndpoint':
        return create(command, state);
      case 'UpdateWebhookEndpoint':
        return update(command, state);
      case 'RotateWebhookSecret':
        return rotate(command, state, now);
      case 'DeleteWebhookEndpoint':
        endpointOf(state, command.webhookId);
        return [
          {
            type: 'WebhookEndpointDeleted',
            data: { guildId: command.guildId, webhookId: command.webhookId },
          },
        ];
      case 'DisableWebhookEndpoint': {
        // The dispatcher may retry after a crash: an endpoint already disabled or gone changes nothing.
        const endpoint = state.endpoints[command.webhookId];
        if (!endpoint || !endpoint.enabled) return [];
        const { guildId, webhookId, reason, failingSince } = command;
        return [{ type: 'WebhookEndpointDisabled', data: { guildId, webhookId, reason, failingSince } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    const { webhookId } = event.data;
    const next = evolveEndpoint(state.endpoints[webhookId], event);
    if (next === state.endpoints[webhookId]) return state;
    const endpoints = { ...state.endpoints };
    if (next) endpoints[webhookId] = next;
    else delete endpoints[webhookId];
    return { endpoints };
  },
};
