import type { NewEvent } from './envelope';
import { ConcurrencyConflictError } from './errors';
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

/** How an append ended: stored, refused at the expected revision, or failed (store down, bad input). */
export type AppendOutcome = 'appended' | 'conflict' | 'failed';

/**
 * Where the store reports each append, for metrics: the port a metrics registry implements, so this
 * library knows no metrics library and a process without metrics passes nothing.
 */
export interface AppendObserver {
  appended(events: number, seconds: number, outcome: AppendOutcome): void;
}

/** A monotonic clock in milliseconds; tests pass their own. */
export type MonotonicClock = () => number;

/** Decorates any adapter so that every append's duration, size and outcome reach an observer. */
export class ObservedEventStore extends EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly observer: AppendObserver,
    private readonly now: MonotonicClock = performance.now.bind(performance),
  ) {
    super();
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const started = this.now();
    try {
      const result = await this.inner.appendToStream(streamId, events, options);
      this.observer.appended(events.length, (this.now() - started) / 1000, 'appended');
      return result;
    } catch (error) {
      const outcome = error instanceof ConcurrencyConflictError ? 'conflict' : 'failed';
      this.observer.appended(events.length, (this.now() - started) / 1000, outcome);
      throw error;
    }
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
