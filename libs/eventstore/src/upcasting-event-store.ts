import {
  EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from './event-store.port';
import { ForwardingEventStore } from './forwarding-event-store';
import type { UpcasterChain } from './upcasting';

/** Decorates any adapter so that every read and subscription hands out upcast events. */
export class UpcastingEventStore extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly upcasters: UpcasterChain,
  ) {
    super(inner);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions) {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  override async readAll(options?: ReadAllOptions) {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  override async readPositions(positions: readonly number[]) {
    return (await this.inner.readPositions(positions)).map((e) => this.upcasters.upcast(e));
  }

  override subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    return this.inner.subscribeToAll(options, {
      ...handler,
      onEvents: (events) => handler.onEvents(events.map((e) => this.upcasters.upcast(e))),
    });
  }
}
