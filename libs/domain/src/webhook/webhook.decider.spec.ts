import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { webhookDecider } from './webhook.decider';
import type { CreateWebhookEndpoint } from './webhook.commands';
import type { WebhookEvent } from './webhook.events';
import { WEBHOOK_LIMITS } from './webhook.rules';

const spec = DeciderSpecification.for(webhookDecider);
const GUILD = '123456789012345678';
const create = (overrides: Partial<CreateWebhookEndpoint> = {}): CreateWebhookEndpoint => ({
  type: 'CreateWebhookEndpoint',
  guildId: GUILD,
  webhookId: 'wh_1',
  url: 'https://example.com/hooks',
  events: ['SettingsChanged', 'TrackStarted'],
  description: 'audit mirror',
  secret: 'sealed-1',
  ...overrides,
});
const created = (webhookId = 'wh_1'): WebhookEvent => ({
  type: 'WebhookEndpointCreated',
  data: {
    guildId: GUILD,
    webhookId,
    url: 'https://example.com/hooks',
    events: ['SettingsChanged', 'TrackStarted'],
    description: 'audit mirror',
    secret: 'sealed-1',
  },
});
const ref = { guildId: GUILD, webhookId: 'wh_1' };

describe('CreateWebhookEndpoint', () => {
  it('given no endpoints, when created, then WebhookEndpointCreated with the sealed secret', () => {
    spec.given([]).when(create()).then([created()]);
  });

  it('given the same id again (a retried request), then nothing more', () => {
    spec.given([created()]).when(create()).thenNothing();
  });

  it('given the limit reached, when one more is created, then it is refused as a conflict', () => {
    const full = Array.from({ length: WEBHOOK_LIMITS.endpointsPerGuild }, (_, i) => created(`wh_${i}`));
    spec
      .given(full)
      .when(create({ webhookId: 'wh_new' }))
      .thenThrows('conflict', 'too_many_webhooks');
  });

  const refusals: [string, Partial<CreateWebhookEndpoint>, string, string][] = [
    ['a relative url', { url: '/hooks' }, 'invalid_url', 'url'],
    ['an ftp url', { url: 'ftp://example.com/x' }, 'invalid_url', 'url'],
    ['credentials in the url', { url: 'https://user:pw@example.com/' }, 'invalid_url', 'url'],
    ['no events', { events: [] }, 'invalid_events', 'events'],
    ['an unknown event', { events: ['SettingsChangedd'] }, 'unknown_event_type', 'events'],
    ['* beside a name', { events: ['*', 'TrackStarted'] }, 'invalid_events', 'events'],
    ['events that are no list', { events: 'TrackStarted' }, 'invalid_events', 'events'],
    [
      'a hidden character in the description',
      { description: 'a\u202Eb' },
      'control_character',
      'description',
    ],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given no endpoints, when created with ${what}, then it is refused (${code})`, () => {
      spec.given([]).when(create(overrides)).thenThrows('invalid', code, field);
    });
  }
});

describe('UpdateWebhookEndpoint', () => {
  it('given an endpoint, when only the events change, then only they are recorded', () => {
    spec
      .given([created()])
      .when({ type: 'UpdateWebhookEndpoint', ...ref, events: ['*'], url: 'https://example.com/hooks' })
      .then([{ type: 'WebhookEndpointUpdated', data: { ...ref, changes: { events: ['*'] } } }]);
  });

  it('given a disabled endpoint, when enabled again, then WebhookEndpointUpdated enables it', () => {
    const disabled: WebhookEvent = {
      type: 'WebhookEndpointDisabled',
      data: { ...ref, reason: 'HTTP 500', failingSince: SPEC_NOW },
    };
    spec
      .given([created(), disabled])
      .when({ type: 'UpdateWebhookEndpoint', ...ref, enabled: true })
      .then([{ type: 'WebhookEndpointUpdated', data: { ...ref, changes: { enabled: true } } }]);
  });

  it('given no such endpoint, then 404', () => {
    spec
      .given([])
      .when({ type: 'UpdateWebhookEndpoint', ...ref, enabled: false })
      .thenThrows('not_found');
  });
});

describe('RotateWebhookSecret', () => {
  it('given an endpoint, when rotated, then the old secret keeps signing for 24 hours', () => {
    spec
      .given([created()])
      .when({ type: 'RotateWebhookSecret', ...ref, secret: 'sealed-2' })
      .then([
        {
          type: 'WebhookSecretRotated',
          data: { ...ref, secret: 'sealed-2', previousSecretExpiresAt: '2026-01-02T00:00:00.000Z' },
        },
      ]);
  });
});

describe('DisableWebhookEndpoint and DeleteWebhookEndpoint', () => {
  const disable = {
    type: 'DisableWebhookEndpoint' as const,
    ...ref,
    reason: 'HTTP 500',
    failingSince: SPEC_NOW,
  };

  it('given an enabled endpoint, when disabled, then the history says why', () => {
    spec
      .given([created()])
      .when(disable)
      .then([
        { type: 'WebhookEndpointDisabled', data: { ...ref, reason: 'HTTP 500', failingSince: SPEC_NOW } },
      ]);
  });

  it('given a disabled or deleted endpoint, when disabled again (a dispatcher retry), then nothing', () => {
    const disabled: WebhookEvent = {
      type: 'WebhookEndpointDisabled',
      data: { ...ref, reason: 'x', failingSince: SPEC_NOW },
    };
    spec.given([created(), disabled]).when(disable).thenNothing();
    spec
      .given([created(), { type: 'WebhookEndpointDeleted', data: ref }])
      .when(disable)
      .thenNothing();
  });

  it('given a deleted endpoint, when deleted again, then 404', () => {
    spec
      .given([created(), { type: 'WebhookEndpointDeleted', data: ref }])
      .when({ type: 'DeleteWebhookEndpoint', ...ref })
      .thenThrows('not_found', 'webhook_not_found');
  });
});
