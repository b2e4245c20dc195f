import type { OutboundGuard } from '#outbound';
import type { WebhookSecretBox } from '../secrets/webhook-secret-box';
import type { DeliveryStore } from './delivery-store';
import { DeliveryQueue } from './delivery-queue';
import type { DeliveryRow, RouteRow } from './delivery-tables';
import { retryDelayMs } from './retry-schedule';
import { sendAttempt, type SendLimits } from './send-attempt';
import { secretKeyOf } from './signature';
import type { ClockTimer, WebhookClock } from './webhook-clock';

/** The endpoint ran out of retries: append its `WebhookEndpointDisabled` before the message is given up. */
export type GiveUp = (
  route: RouteRow,
  delivery: DeliveryRow,
  reason: string,
  failingSince: number,
) => Promise<void>;

export interface WebhookDispatcherOptions extends SendLimits {
  readonly deliveries: DeliveryStore;
  readonly guard: OutboundGuard;
  readonly secrets: WebhookSecretBox;
  readonly clock: WebhookClock;
  /** Requests in flight at once, over all endpoints. */
  readonly concurrency: number;
  readonly giveUp: GiveUp;
  readonly random?: () => number;
  readonly onError?: (message: string, error: unknown) => void;
}

/**
 * Sends queued deliveries: per endpoint one at a time, oldest first, so a receiver sees its events in
 * order; across endpoints up to `concurrency` at once. A failure is retried on the schedule (the
 * endpoint waits meanwhile: order beats speed); when the schedule is spent the endpoint is disabled.
 * All state is in the delivery table, so a restart resumes where the last recorded attempt left off.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly keys = new Map<string, Buffer>();
  private readonly queue: DeliveryQueue;
  /** Enabled endpoints by id, reloaded after the reactor reports a change (url, secret, enabled). */
  private routes: Map<string, RouteRow> | undefined;
  private timer: ClockTimer | undefined;
  private scanQueued = false;
  private running = false;
  /** Where the next scan starts in the route list, so busy endpoints cannot starve the rest. */
  private offset = 0;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.queue = new DeliveryQueue(options.deliveries);
  }

  start(): void {
    this.running = true;
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    await Promise.allSettled(this.inFlight.values());
    this.queue.flush();
  }

  /** Something may be due (new deliveries, a retry time reached, a slot freed): scan on the next turn. */
  wake(): void {
    if (this.scanQueued || !this.running) return;
    this.scanQueued = true;
    setImmediate(() => {
      this.scanQueued = false;
      try {
        this.scan();
      } catch (error) {
        this.options.onError?.('webhook dispatcher scan failed', error);
      }
    });
  }

  /** The reactor applied an endpoint change: read the endpoints again before the next send. */
  routesChanged(): void {
    this.routes = undefined;
    this.wake();
  }

  /** The reactor rewrote stored bodies (an erasure): send none of the copies read before it. */
  bodiesRewritten(): void {
    this.queue.forgetReadAhead();
    this.wake();
  }

  private enabledRoutes(): Map<string, RouteRow> {
    this.routes ??= new Map(
      this.options.deliveries.enabledRoutes().map((route) => [route.webhook_id, route]),
    );
    return this.routes;
  }

  /** Number of requests in flight now. */
  get busy(): number {
    return this.inFlight.size;
  }

  private scan(): void {
    if (!this.running) return;
    this.timer?.cancel();
    this.timer = undefined;
    const now = this.options.clock.now();
    const enabled = this.enabledRoutes();
    const routes = [...enabled.values()];
    this.queue.retain(new Set(enabled.keys()));
    let earliest = Number.POSITIVE_INFINITY;
    this.offset = routes.length === 0 ? 0 : (this.offset + 1) % routes.length;
    for (let i = 0; i < routes.length && this.inFlight.size < this.options.concurrency; i++) {
      const route = routes[(this.offset + i) % routes.length];
      if (this.inFlight.has(route.webhook_id)) continue;
      const head = this.queue.head(route.webhook_id);
      if (!head) continue;
      const due = head.next_attempt_at ?? now;
      if (due > now) earliest = Math.min(earliest, due);
      else this.launch(route, head, now);
    }
    if (earliest !== Number.POSITIVE_INFINITY) {
      this.timer = this.options.clock.setTimer(earliest - now, () => this.wake());
    }
  }

  private launch(route: RouteRow, delivery: DeliveryRow, now: number): void {
    const sending = this.deliver(route, delivery, now)
      .catch((error: unknown) =>
        this.options.onError?.(`webhook delivery ${delivery.delivery_id} failed`, error),
      )
      .finally(() => this.afterDelivery(route.webhook_id));
    this.inFlight.set(route.webhook_id, sending);
  }

  /**
   * An endpoint's delivery ended: its success (with any others recorded meanwhile) is committed
   * before the endpoint's next message leaves, so a crash can only repeat the message that was out,
   * never an older one after a newer. A commit of a few rows in WAL mode costs tens of microseconds.
   */
  private afterDelivery(webhookId: string): void {
    this.inFlight.delete(webhookId);
    try {
      this.queue.flush();
      this.continueWith(webhookId);
    } catch (error) {
      // An unrecorded success is sent again later (at least once); the scan retries the rest.
      this.options.onError?.('webhook dispatcher could not record or continue', error);
      this.wake();
    }
  }

  /**
   * The same endpoint's next message goes at once when it is due: one lookup instead of a scan of
   * every endpoint, which keeps the cost per delivery flat. When every slot is taken (others may be
   * waiting), or nothing is due, the scan decides instead.
   */
  private continueWith(webhookId: string): void {
    if (!this.running) return;
    const { clock, concurrency } = this.options;
    const route = this.inFlight.size >= concurrency ? undefined : this.enabledRoutes().get(webhookId);
    const next = route && this.queue.head(webhookId);
    const now = clock.now();
    if (route && next && (next.next_attempt_at ?? now) <= now) this.launch(route, next, now);
    else this.wake();
  }

  private async deliver(route: RouteRow, delivery: DeliveryRow, now: number): Promise<void> {
    const outcome = await sendAttempt(
      this.options.guard,
      route.url,
      delivery,
      this.signingKeys(route, now),
      now,
      this.options,
    );
    const { clock } = this.options;
    const { queue } = this;
    const id = route.webhook_id;
    if (outcome.ok) return queue.delivered(id, delivery.seq, outcome);
    const delay = retryDelayMs(delivery.attempts + 1, this.options.random);
    if (delay !== null) return queue.retryAt(id, delivery.seq, clock.now() + delay, outcome);
    const failingSince = delivery.first_failed_at ?? outcome.at;
    // The history says so first; a crash before the row is marked only repeats one attempt.
    await this.options.giveUp(route, delivery, outcome.error ?? 'failed', failingSince);
    queue.failed(id, delivery.seq, outcome);
    this.routes = undefined;
  }

  /** The current secret, and the rotated-out one while its 24 hours last. */
  private signingKeys(route: RouteRow, now: number): Buffer[] {
    const keys = [this.keyOf(route.secret)];
    const expires = route.previous_secret_expires_at;
    if (route.previous_secret && expires !== null && expires > now)
      keys.push(this.keyOf(route.previous_secret));
    return keys;
  }

  private keyOf(sealed: string): Buffer {
    let key = this.keys.get(sealed);
    if (!key) this.keys.set(sealed, (key = secretKeyOf(this.options.secrets.open(sealed))));
    return key;
  }
}
