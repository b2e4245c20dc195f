import type { NewEvent } from './envelope';
import {
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from './event-store.port';
import type { UpcasterChain } from './upcasting';

/** Decorates any adapter so that every read and subscription hands out upcast events. */
export class UpcastingEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly upcasters: UpcasterChain,
  ) {
    super();
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions) {
    return (await this.inner.readStream(streamId, options)).map((e) => this.upcasters.upcast(e));
  }

  truncateStreamBefore(streamId: string, revision: number): Promise<void> {
    return this.inner.truncateStreamBefore(streamId, revision);
  }

  async readAll(options?: ReadAllOptions) {
    return (await this.inner.readAll(options)).map((e) => this.upcasters.upcast(e));
  }

  async readPositions(positions: readonly number[]) {
    return (await this.inner.readPositions(positions)).map((e) => this.upcasters.upcast(e));
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    return this.inner.subscribeToAll(options, {
      ...handler,
      onEvents: (events) => handler.onEvents(events.map((e) => this.upcasters.upcast(e))),
    });
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
