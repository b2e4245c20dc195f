import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { EventStore } from '#eventstore';
import { OutboundGuard } from '#outbound';
import { systemContext } from '../../command-handling/command-context';
import { Projections } from '../../infrastructure/projections.module';
import { DisableWebhookCommand } from '../endpoints/webhook-commands';
import { WebhookSecretBox } from '../secrets/webhook-secret-box';
import { DeliveryStore } from './delivery-store';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WEBHOOK_CLOCK, type WebhookClock } from './webhook-clock';
import { WebhookReactor } from './webhook-reactor';

export interface WebhookDeliveryStatus {
  /** Whether this process runs the reactor and the dispatcher. */
  readonly delivering: boolean;
  readonly checkpoint: number;
  /** Events in the store the reactor has not looked at yet; null where it does not run. */
  readonly lag: number | null;
  readonly pending: number;
  readonly inFlight: number;
}

/**
 * The process's webhook delivery: the reactor that queues deliveries from `$all` and the dispatcher
 * that sends them. Both run only where projections run and `WEBHOOK_DELIVERY` is on; the delivery
 * table is readable everywhere (the API lists deliveries even where another process sends them).
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly deliveries: DeliveryStore;
  readonly reactor: WebhookReactor;
  readonly dispatcher: WebhookDispatcher;
  private readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
    @Inject(WEBHOOK_CLOCK) readonly clock: WebhookClock,
    projections: Projections,
    store: EventStore,
    guard: OutboundGuard,
    secrets: WebhookSecretBox,
    commandBus: CommandBus,
  ) {
    const db = projections.host.db;
    const onError = (message: string, error: unknown) =>
      this.logger.error(message, error instanceof Error ? error.stack : error);
    this.deliveries = new DeliveryStore(db);
    const { timeoutMs, maxResponseBytes, concurrency } = config.webhooks;
    this.dispatcher = new WebhookDispatcher({
      deliveries: this.deliveries,
      guard,
      secrets,
      clock,
      concurrency,
      timeoutMs,
      maxResponseBytes,
      onError,
      giveUp: async (route, _delivery, reason, failingSince) => {
        const context = systemContext('system', 'webhook-dispatcher');
        const since = new Date(failingSince).toISOString();
        await commandBus.execute(
          new DisableWebhookCommand(route.guild_id, route.webhook_id, reason, since, context),
        );
      },
    });
    this.reactor = new WebhookReactor({
      store,
      db,
      deliveries: this.deliveries,
      clock,
      onQueued: () => this.dispatcher.wake(),
      onRoutesChanged: () => this.dispatcher.routesChanged(),
      onBodiesRewritten: () => this.dispatcher.bodiesRewritten(),
      onError,
    });
  }

  /** What `/health` shows: how far the reactor is, what waits to be sent and what is out now. */
  async status(store: EventStore): Promise<WebhookDeliveryStatus> {
    const head = await store.headPosition();
    const checkpoint = this.reactor.checkpoint;
    return {
      delivering: this.running,
      checkpoint,
      lag: this.running ? Math.max(0, head - checkpoint) : null,
      pending: this.deliveries.pendingCount(),
      inFlight: this.dispatcher.busy,
    };
  }

  get running(): boolean {
    return this.config.runProjections && this.config.webhooks.deliver;
  }

  onApplicationBootstrap(): void {
    if (!this.running) return;
    this.reactor.start();
    this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reactor.stop();
    await this.dispatcher.stop();
  }
}
