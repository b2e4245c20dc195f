import {
  START,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';
import type { SubscriptionFilter } from '../event-store.port';
import { serverFilter } from './esdb-filter';
import { toEsdbPosition } from './esdb-mapping';

export type Item =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'checkpoint'; readonly position: Position }
  | { readonly kind: 'events'; readonly events: readonly AllStreamResolvedEvent[] };

type Queued =
  Exclude<Item, { kind: 'events' }> | { readonly kind: 'event'; readonly event: AllStreamResolvedEvent };

/**
 * One `subscribeToAll` call, turned into an ordered pull queue. The client reports CaughtUp and
 * checkpoints as side events, possibly while earlier events still sit in its stream buffer; each such
 * marker is therefore queued behind the events that were received or buffered before it.
 *
 * Flow control has one rule: the client stream is paused while the queue holds `highWater` items or more,
 * and resumed as soon as taking from the queue brings it below that. A slow consumer stops taking, so it
 * pushes back on the server; resuming on every take (not only after a handler call) means a queue drained
 * of markers or of events the caller drops cannot leave the stream paused for good.
 */
export class EsdbConnection {
  error: unknown;
  private ended = false;
  private received = 0;
  private readonly queue: Queued[] = [];
  private readonly markers: { at: number; item: Queued }[] = [];
  private readonly subscription;
  private wake: (() => void) | undefined;

  constructor(
    client: EventStoreDBClient,
    after: number | undefined,
    filter: SubscriptionFilter | undefined,
    private readonly highWater: number,
  ) {
    this.subscription = client.subscribeToAll({
      fromPosition: after === undefined ? START : toEsdbPosition(after),
      filter: serverFilter(filter, (position) => this.mark({ kind: 'checkpoint', position })),
      resolveLinkTos: false,
    });
    this.subscription.on('confirmation', () => this.push({ kind: 'confirmed' }));
    this.subscription.on('caughtUp', () => this.mark({ kind: 'caughtUp' }));
    this.subscription.on('data', (event: AllStreamResolvedEvent) => {
      this.received += 1;
      this.push({ kind: 'event', event });
      while (this.markers.length > 0 && this.markers[0]!.at <= this.received)
        this.push(this.markers.shift()!.item);
      if (this.queue.length >= this.highWater) this.subscription.pause();
    });
    this.subscription.on('error', (error) => this.end(error));
    this.subscription.on('end', () => this.end(undefined));
    this.subscription.on('close', () => this.end(undefined));
  }

  /** The next item: a marker, or up to `max` consecutive events; undefined once the call has ended. */
  async next(max: number): Promise<Item | undefined> {
    while (this.queue.length === 0) {
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const item = this.take(max);
    this.refill();
    return item;
  }

  async close(): Promise<void> {
    this.end(undefined);
    await this.subscription.unsubscribe().catch(() => undefined);
  }

  private take(max: number): Item {
    const head = this.queue[0]!;
    if (head.kind !== 'event') return this.queue.shift() as Item;
    const events: AllStreamResolvedEvent[] = [];
    while (events.length < max && this.queue[0]?.kind === 'event') {
      events.push((this.queue.shift() as { event: AllStreamResolvedEvent }).event);
    }
    return { kind: 'events', events };
  }

  private refill(): void {
    if (this.queue.length < this.highWater && !this.ended && this.subscription.isPaused())
      this.subscription.resume();
  }

  private mark(item: Queued): void {
    const at = this.received + this.subscription.readableLength;
    if (at <= this.received) this.push(item);
    else this.markers.push({ at, item });
  }

  private push(item: Queued): void {
    this.queue.push(item);
    this.notify();
  }

  private end(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.error = error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
