import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { WEBHOOK_STREAM_PREFIX, subscribesTo, type WebhookEvent } from '#domain';
import type { EventStore, RecordedEvent, Subscription } from '#eventstore';
import { CheckpointStore, NO_CHECKPOINT, inTransaction } from '#projections';
import type { DeliveryStore } from './delivery-store';
import type { RouteRow } from './delivery-tables';
import { ErasedBodies } from './erased-bodies';
import { RouteChanges } from './route-changes';
import type { WebhookClock } from './webhook-clock';
import { eventPayload, guildIdOf } from './webhook-payload';

/** The reactor's checkpoint in `projection_checkpoints`; it is no projection, so `replay` never rebuilds it. */
export const REACTOR_CHECKPOINT = 'webhook-reactor';
const RETRY_DELAY_MS = 1_000;

export interface WebhookReactorOptions {
  readonly store: EventStore;
  readonly db: DatabaseSync;
  readonly deliveries: DeliveryStore;
  readonly clock: WebhookClock;
  /** Called after a batch that queued deliveries has committed. */
  readonly onQueued: () => void;
  /** Called after a batch that changed an endpoint (its url, secret or state) has committed. */
  readonly onRoutesChanged: () => void;
  /** Called after a batch that rewrote stored bodies (an erasure) has committed. */
  readonly onBodiesRewritten?: () => void;
  readonly onError?: (message: string, error: unknown) => void;
  readonly batchSize?: number;
}

/**
 * Turns each event of `$all` into a delivery per endpoint of its guild that subscribed to its type.
 * The deliveries and the checkpoint are written in one transaction: a crash (SIGKILL) before the commit
 * re-reads the batch, after it the batch is not read again, so every event is queued exactly once and
 * sent at least once. Endpoints are matched as they were when the event happened.
 */
export class WebhookReactor {
  private readonly checkpoints: CheckpointStore;
  private readonly routes: RouteChanges;
  private readonly routesOfGuild: StatementSync;
  private readonly erasedBodies: ErasedBodies;
  private subscription: Subscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private running = false;
  private position = NO_CHECKPOINT;

  constructor(private readonly options: WebhookReactorOptions) {
    this.checkpoints = new CheckpointStore(options.db);
    this.routes = new RouteChanges(options.db);
    this.erasedBodies = new ErasedBodies(options.db, options.store);
    this.routesOfGuild = options.db.prepare(
      'SELECT * FROM webhook_routes WHERE guild_id = ? AND enabled = 1 ORDER BY webhook_id',
    );
  }

  /** Last event position whose deliveries are queued. */
  get checkpoint(): number {
    return this.position;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.position = this.checkpoints.read(REACTOR_CHECKPOINT)?.position ?? NO_CHECKPOINT;
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  private subscribe(): void {
    this.subscription = this.options.store.subscribeToAll(
      {
        after: this.position === NO_CHECKPOINT ? undefined : this.position,
        maxBatchSize: this.options.batchSize ?? 1_000,
      },
      {
        onEvents: (events) => this.react(events),
        onError: (error) => this.resubscribeLater(error),
      },
    );
  }

  private async react(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Read before the transaction (reads are async, the transaction is not); a crash before its commit
    // re-reads the batch and renders them again.
    const rewrites = await this.erasedBodies.rewritesFor(events);
    const now = this.options.clock.now();
    let queued = 0;
    let routesChanged = false;
    const reached = inTransaction(this.options.db, () => {
      const stored = this.checkpoints.read(REACTOR_CHECKPOINT)?.position ?? NO_CHECKPOINT;
      const fresh = events.filter((event) => event.position > stored);
      if (fresh.length === 0) return stored;
      for (const event of fresh) {
        queued += this.queue(event, now);
        if (event.streamId.startsWith(WEBHOOK_STREAM_PREFIX)) {
          this.routes.apply(event as unknown as WebhookEvent);
          routesChanged = true;
        }
      }
      this.erasedBodies.apply(rewrites);
      const last = fresh[fresh.length - 1].position;
      this.checkpoints.write(REACTOR_CHECKPOINT, { position: last, version: 1 }, new Date(now));
      return last;
    });
    this.position = Math.max(this.position, reached);
    if (routesChanged) this.options.onRoutesChanged();
    if (rewrites.length > 0) this.options.onBodiesRewritten?.();
    if (queued > 0) this.options.onQueued();
  }

  /** Queues the event for each endpoint of its guild that wants it; returns how many. */
  private queue(event: RecordedEvent, now: number): number {
    const guildId = guildIdOf(event);
    if (guildId === undefined) return 0;
    const routes = this.routesOfGuild.all(guildId) as unknown as RouteRow[];
    // An endpoint is not told of its own changes: it cannot receive its own disabling or deletion,
    // and the manager who changed it already knows. The guild's other endpoints are told.
    const about = (event.data as { webhookId?: unknown }).webhookId;
    let queued = 0;
    let body: string | undefined;
    for (const route of routes) {
      if (route.webhook_id === about) continue;
      if (!subscribesTo({ events: JSON.parse(route.events) as string[] }, event.type)) continue;
      body ??= eventPayload(event, guildId);
      this.options.deliveries.enqueue(
        {
          webhookId: route.webhook_id,
          guildId,
          messageId: `msg_${event.id.replaceAll('-', '')}`,
          eventType: event.type,
          eventPosition: event.position,
          eventTime: event.metadata.occurredAt,
          body,
        },
        now,
      );
      queued++;
    }
    return queued;
  }

  private resubscribeLater(error: unknown): void {
    this.subscription = undefined;
    if (!this.running) return;
    this.options.onError?.(`webhook reactor stopped at ${this.position}; retrying`, error);
    // The failed batch rolled back: resubscribing from the committed checkpoint loses and doubles nothing.
    this.retryTimer = setTimeout(() => {
      if (this.running && !this.subscription) {
        this.position = this.checkpoints.read(REACTOR_CHECKPOINT)?.position ?? NO_CHECKPOINT;
        this.subscribe();
      }
    }, RETRY_DELAY_MS);
    this.retryTimer.unref();
  }
}
