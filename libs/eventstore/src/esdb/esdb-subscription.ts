import { AsyncLocalStorage } from 'node:async_hooks';
import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope';
import type { SubscribeToAllOptions, Subscription, SubscriptionHandler } from '../event-store.port';
import { EsdbConnection } from './esdb-connection';
import { isUnavailable, translateError } from './esdb-errors';
import { matchesFilter } from './esdb-filter';
import { fromResolved, toPosition } from './esdb-mapping';

export interface EsdbSubscriptionDeps {
  readonly client: EventStoreDBClient;
  readonly headPosition: () => Promise<number>;
  /** Called once the subscription has stopped for good, so the store can forget it. */
  readonly onStopped: () => void;
}

const DEFAULT_BATCH = 100;
const BACKOFF_MS = { first: 50, max: 5_000 };

// Tells stop() whether it was called from inside this subscription's own handler.
const insideHandler = new AsyncLocalStorage<EsdbSubscription>();

class HandlerFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * A resilient subscription to `$all`: one EventStoreDB subscription at a time, resumed after any drop
 * from the last position the handler has seen (event or checkpoint), so nothing is lost, and events at
 * or before that position are discarded, so nothing is delivered twice.
 */
export class EsdbSubscription implements Subscription {
  private delivered: number | undefined;
  private resumeFrom: number | undefined;
  private isCaughtUp = false;
  private stopped = false;
  private connection: EsdbConnection | undefined;
  private cancelBackoff: (() => void) | undefined;
  private readonly done: Promise<void>;
  private readonly maxBatch: number;

  constructor(
    private readonly deps: EsdbSubscriptionDeps,
    private readonly options: SubscribeToAllOptions,
    private readonly handler: SubscriptionHandler,
  ) {
    this.delivered = options.after;
    this.resumeFrom = options.after;
    this.maxBatch = Math.max(1, options.maxBatchSize ?? DEFAULT_BATCH);
    this.done = this.run().finally(() => deps.onStopped());
  }

  get lastPosition(): number | undefined {
    return this.delivered;
  }

  get caughtUp(): boolean {
    return this.isCaughtUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelBackoff?.();
    await this.connection?.close();
    // Called from inside the handler, waiting for the loop would wait for ourselves; from outside,
    // waiting means no handler call is still running once stop() resolves.
    if (insideHandler.getStore() !== this) await this.done;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      let error: unknown;
      try {
        // Servers before 23.10 never send CaughtUp: then "caught up" means having reached the head.
        const head = this.isCaughtUp ? undefined : await this.deps.headPosition();
        if (this.stopped) return;
        const connection = new EsdbConnection(
          this.deps.client,
          this.resumeFrom,
          this.options.filter,
          this.maxBatch * 2,
        );
        this.connection = connection;
        if (await this.consume(connection, head)) attempt = 0;
        await connection.close();
        error = connection.error;
      } catch (failure) {
        if (failure instanceof HandlerFailure) return this.fail(failure.cause);
        error = failure;
      }
      if (this.stopped) return;
      if (error !== undefined && !isUnavailable(error) && !isUnavailable(translateError(error))) {
        return this.fail(translateError(error));
      }
      await this.backoff(attempt++);
    }
  }

  // Returns whether the server confirmed the subscription, i.e. whether the connection was healthy.
  private async consume(connection: EsdbConnection, head: number | undefined): Promise<boolean> {
    let confirmed = false;
    for (let item = await connection.next(this.maxBatch); item; item = await connection.next(this.maxBatch)) {
      if (this.stopped) break;
      if (item.kind === 'confirmed') confirmed = true;
      else if (item.kind === 'caughtUp') this.reachCaughtUp();
      else if (item.kind === 'checkpoint') await this.checkpoint(toPosition(item.position.commit));
      else await this.deliver(item.events);
      if (head !== undefined && confirmed && (head < 0 || (this.resumeFrom ?? -1) >= head))
        this.reachCaughtUp();
    }
    return confirmed;
  }

  private async deliver(raw: readonly AllStreamResolvedEvent[]): Promise<void> {
    const events: RecordedEvent[] = [];
    let furthest = this.resumeFrom ?? -1;
    for (const resolved of raw) {
      const event = fromResolved(resolved);
      const position =
        event?.position ?? toPosition(resolved.event?.position?.commit ?? resolved.commitPosition);
      if (position <= furthest) continue;
      furthest = position;
      if (event && matchesFilter(this.options.filter, event)) events.push(event);
    }
    if (events.length > 0) {
      await this.call(() => this.handler.onEvents(events));
      this.delivered = events[events.length - 1]!.position;
    }
    // Events the client-side filter dropped were still seen: resuming past them is safe.
    if (!this.stopped) this.resumeFrom = furthest;
  }

  private async checkpoint(position: number): Promise<void> {
    if (position <= (this.resumeFrom ?? -1)) return;
    await this.call(() => this.handler.onCheckpoint?.(position));
    if (!this.stopped) this.resumeFrom = position;
  }

  private async call(work: () => Promise<void> | void): Promise<void> {
    try {
      await insideHandler.run(this, work);
    } catch (error) {
      throw new HandlerFailure(error);
    }
  }

  private reachCaughtUp(): void {
    if (this.isCaughtUp) return;
    this.isCaughtUp = true;
    this.handler.onCaughtUp?.();
  }

  private fail(error: unknown): void {
    this.stopped = true;
    void this.connection?.close();
    this.handler.onError?.(error);
  }

  private backoff(attempt: number): Promise<void> {
    const delay = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** attempt);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.cancelBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
