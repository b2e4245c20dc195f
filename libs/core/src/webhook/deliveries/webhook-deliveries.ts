import {
  Command,
  CommandHandler,
  Query,
  QueryHandler,
  type ICommandHandler,
  type IQueryHandler,
} from '@nestjs/cqrs';
import { DomainError } from '#domain';
import type { DeliveryRow } from '../delivery/delivery-tables';
import { WebhookDelivery } from '../delivery/webhook-delivery.service';
import { testPayload } from '../delivery/webhook-payload';
import { GetWebhooksHandler, GetWebhooksQuery } from '../endpoints/get-webhooks';

export interface DeliveryPage {
  readonly deliveries: readonly DeliveryRow[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly nextCursor: number | null;
}

/** One page of an endpoint's deliveries, oldest first. Null when the guild has no such endpoint. */
export class ListWebhookDeliveriesQuery extends Query<DeliveryPage | null> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}

/** Sends a delivery's message again, as a new delivery behind the endpoint's queue (same `webhook-id`). */
export class RedeliverWebhookCommand extends Command<DeliveryRow> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly deliveryId: string,
  ) {
    super();
  }
}

/** Queues a `WebhookTest` message to the endpoint. Operational, like every delivery: not an event. */
export class SendWebhookTestCommand extends Command<DeliveryRow> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}

const unknownWebhook = (webhookId: string) =>
  new DomainError('not_found', 'webhook_not_found', `webhook ${webhookId} not found`, 'webhook_id');

async function requireEndpoint(webhooks: GetWebhooksHandler, guildId: string, webhookId: string) {
  const endpoint = (await webhooks.execute(new GetWebhooksQuery(guildId))).find(
    (e) => e.webhookId === webhookId,
  );
  if (!endpoint) throw unknownWebhook(webhookId);
  return endpoint;
}

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(
    private readonly delivery: WebhookDelivery,
    private readonly webhooks: GetWebhooksHandler,
  ) {}

  async execute({
    guildId,
    webhookId,
    after,
    limit,
  }: ListWebhookDeliveriesQuery): Promise<DeliveryPage | null> {
    await requireEndpoint(this.webhooks, guildId, webhookId);
    const rows = this.delivery.deliveries.page(webhookId, after, limit + 1);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return { deliveries: page, nextCursor: more ? page[page.length - 1].seq : null };
  }
}

@CommandHandler(RedeliverWebhookCommand)
export class RedeliverWebhookHandler implements ICommandHandler<RedeliverWebhookCommand> {
  constructor(
    private readonly delivery: WebhookDelivery,
    private readonly webhooks: GetWebhooksHandler,
  ) {}

  async execute({ guildId, webhookId, deliveryId }: RedeliverWebhookCommand): Promise<DeliveryRow> {
    await requireEndpoint(this.webhooks, guildId, webhookId);
    const { deliveries, clock, dispatcher } = this.delivery;
    const original = deliveries.get(webhookId, deliveryId);
    if (!original) {
      throw new DomainError(
        'not_found',
        'delivery_not_found',
        `delivery ${deliveryId} not found`,
        'delivery_id',
      );
    }
    const { message_id: messageId, event_type: eventType, event_position: eventPosition } = original;
    const { event_time: eventTime, body } = original;
    const id = deliveries.enqueue(
      { webhookId, guildId, messageId, eventType, eventPosition, eventTime, body },
      clock.now(),
    );
    dispatcher.wake();
    return deliveries.get(webhookId, id)!;
  }
}

@CommandHandler(SendWebhookTestCommand)
export class SendWebhookTestHandler implements ICommandHandler<SendWebhookTestCommand> {
  constructor(
    private readonly delivery: WebhookDelivery,
    private readonly webhooks: GetWebhooksHandler,
  ) {}

  async execute({ guildId, webhookId }: SendWebhookTestCommand): Promise<DeliveryRow> {
    await requireEndpoint(this.webhooks, guildId, webhookId);
    const { deliveries, clock, dispatcher } = this.delivery;
    const now = clock.now();
    const at = new Date(now);
    const body = testPayload(guildId, webhookId, at);
    const messageId = `msg_test_${now.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const id = deliveries.enqueue(
      {
        webhookId,
        guildId,
        messageId,
        eventType: 'WebhookTest',
        eventPosition: null,
        eventTime: at.toISOString(),
        body,
      },
      now,
    );
    dispatcher.wake();
    return deliveries.get(webhookId, id)!;
  }
}
