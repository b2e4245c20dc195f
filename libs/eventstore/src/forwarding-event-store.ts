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

/**
 * A decorator's base: every call goes to `inner` unchanged. The decorators (upcasting, sealing of
 * personal fields, append metrics) override only the calls they change, so a method added to the
 * port is forwarded by all of them at once instead of being written out in each.
 */
export abstract class ForwardingEventStore extends EventStore {
  constructor(protected readonly inner: EventStore) {
    super();
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.inner.readStream(streamId, options);
  }

  truncateStreamBefore(streamId: string, revision: number): Promise<void> {
    return this.inner.truncateStreamBefore(streamId, revision);
  }

  readAll(options?: ReadAllOptions) {
    return this.inner.readAll(options);
  }

  readPositions(positions: readonly number[]) {
    return this.inner.readPositions(positions);
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    return this.inner.subscribeToAll(options, handler);
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
