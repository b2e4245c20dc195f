import type { SealedSecret } from './webhook.events';

/** Ids and sealed secrets come in from the handler so deciding stays pure. */
export interface CreateWebhookEndpoint {
  readonly type: 'CreateWebhookEndpoint';
  readonly guildId: string;
  readonly webhookId: string;
  readonly url: unknown;
  readonly events: unknown;
  readonly description?: unknown;
  readonly secret: SealedSecret;
}

export interface UpdateWebhookEndpoint {
  readonly type: 'UpdateWebhookEndpoint';
  readonly guildId: string;
  readonly webhookId: string;
  readonly url?: unknown;
  readonly events?: unknown;
  readonly description?: unknown;
  readonly enabled?: unknown;
}

export interface RotateWebhookSecret {
  readonly type: 'RotateWebhookSecret';
  readonly guildId: string;
  readonly webhookId: string;
  readonly secret: SealedSecret;
}

export interface DeleteWebhookEndpoint {
  readonly type: 'DeleteWebhookEndpoint';
  readonly guildId: string;
  readonly webhookId: string;
}

export interface DisableWebhookEndpoint {
  readonly type: 'DisableWebhookEndpoint';
  readonly guildId: string;
  readonly webhookId: string;
  readonly reason: string;
  readonly failingSince: string;
}

export type WebhookCommand =
  | CreateWebhookEndpoint
  | UpdateWebhookEndpoint
  | RotateWebhookSecret
  | DeleteWebhookEndpoint
  | DisableWebhookEndpoint;
