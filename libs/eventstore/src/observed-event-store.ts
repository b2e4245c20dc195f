import type { NewEvent } from './envelope';
import { ConcurrencyConflictError } from './errors';
import { EventStore, type AppendResult, type ExpectedRevision } from './event-store.port';
import { ForwardingEventStore } from './forwarding-event-store';

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
export class ObservedEventStore extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly observer: AppendObserver,
    private readonly now: MonotonicClock = performance.now.bind(performance),
  ) {
    super(inner);
  }

  override async appendToStream(
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
}
