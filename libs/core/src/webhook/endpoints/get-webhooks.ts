import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStreamId, type WebhookEndpointState, type WebhookEvent } from '#domain';
import { EventStore } from '#eventstore';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookView {
  readonly webhookId: string;
  readonly guildId: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  /** While a rotated-out secret still signs beside the new one. */
  readonly previousSecretExpiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * A guild's endpoints, folded straight from `webhooks-{guildId}`: a guild has at most a few and their
 * stream is short, so reading it is cheap and always shows one's own last write (no read model to wait for).
 */
export class GetWebhooksQuery extends Query<WebhookView[]> {
  constructor(readonly guildId: string) {
    super();
  }
}

@QueryHandler(GetWebhooksQuery)
export class GetWebhooksHandler implements IQueryHandler<GetWebhooksQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ guildId }: GetWebhooksQuery): Promise<WebhookView[]> {
    const events = await this.store.readStream(webhookStreamId(guildId));
    let state = webhookDecider.initialState();
    const times = new Map<string, { createdAt: string; updatedAt: string }>();
    for (const event of events) {
      state = webhookDecider.evolve(state, event as unknown as WebhookEvent);
      const { webhookId } = (event as unknown as WebhookEvent).data;
      const at = event.metadata.occurredAt;
      times.set(webhookId, { createdAt: times.get(webhookId)?.createdAt ?? at, updatedAt: at });
    }
    return Object.values(state.endpoints).map((endpoint) =>
      viewOf(guildId, endpoint, times.get(endpoint.webhookId)!),
    );
  }
}

function viewOf(
  guildId: string,
  endpoint: WebhookEndpointState,
  times: { createdAt: string; updatedAt: string },
): WebhookView {
  const { webhookId, url, events, description, enabled, disabledReason, previousSecret } = endpoint;
  return {
    webhookId,
    guildId,
    url,
    events,
    description,
    enabled,
    disabledReason,
    previousSecretExpiresAt: previousSecret?.expiresAt ?? null,
    ...times,
  };
}
