import {
  ConcurrencyConflictError,
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from '#eventstore';
import { matchesFilter } from '../runtime/sqlite-projection';

/**
 * A test double of the event store port, faithful to what projections rely on: dense positions from 0,
 * exclusive `after`, batches, onCaughtUp once, onCheckpoint past filtered-out tails, live delivery.
 */
export class InMemoryEventStore extends EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private wakeups = new Set<() => void>();

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    return this.appendSync(streamId, events, options.expectedRevision ?? 'any');
  }

  /** Synchronous append, so tests can interleave writes precisely. */
  appendSync(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = 'any',
  ): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === -1) ||
      (expected === 'stream_exists' && actual >= 0) ||
      expected === actual;
    if (!ok) throw new ConcurrencyConflictError(streamId, expected, actual);
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const recorded = { ...event, streamId, revision: stream.length, position: this.all.length, recordedAt };
      stream.push(recorded);
      this.all.push(recorded);
    }
    this.streams.set(streamId, stream);
    const wakeups = this.wakeups;
    this.wakeups = new Set();
    for (const wake of wakeups) wake();
    return { nextRevision: stream.length - 1, position: this.all.length - 1 };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const forwards = options.direction !== 'backwards';
    const ordered = forwards ? stream : [...stream].reverse();
    const from = options.fromRevision;
    const selected =
      from === undefined
        ? ordered
        : ordered.filter((e) => (forwards ? e.revision >= from : e.revision <= from));
    return selected.slice(0, options.maxCount ?? Infinity);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const start = options.after === undefined ? 0 : options.after + 1;
    return this.all.slice(start, start + (options.maxCount ?? Infinity));
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    const state = { lastPosition: options.after, caughtUp: false, stopped: false };
    const filter = options.filter ?? {};
    const maxBatch = options.maxBatchSize ?? 500;
    const loop = async () => {
      let next = options.after === undefined ? 0 : options.after + 1;
      while (!state.stopped) {
        const batch: RecordedEvent[] = [];
        let scanned = next;
        while (scanned < this.all.length && batch.length < maxBatch) {
          const event = this.all[scanned++];
          if (matchesFilter(filter, event)) batch.push(event);
        }
        if (batch.length > 0) {
          await handler.onEvents(batch);
          state.lastPosition = batch[batch.length - 1].position;
        } else if (scanned > next) {
          await handler.onCheckpoint?.(scanned - 1);
        }
        next = scanned;
        if (next >= this.all.length) {
          if (!state.caughtUp) {
            state.caughtUp = true;
            handler.onCaughtUp?.();
          }
          await new Promise<void>((resolve) => this.wakeups.add(resolve));
        }
      }
    };
    const done = loop().catch((error: unknown) => {
      state.stopped = true;
      handler.onError?.(error);
    });
    return {
      get lastPosition() {
        return state.lastPosition;
      },
      get caughtUp() {
        return state.caughtUp;
      },
      stop: async () => {
        state.stopped = true;
        for (const wake of this.wakeups) wake();
        await done;
      },
    };
  }

  async headPosition(): Promise<number> {
    return this.all.length - 1;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
