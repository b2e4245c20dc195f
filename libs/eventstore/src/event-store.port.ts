import type { NewEvent, RecordedEvent } from './envelope';

/**
 * What the writer expects the stream to be at:
 * `any` (no check), `no_stream` (must not exist), `stream_exists` (must exist), or an exact revision
 * (the revision of the stream's last event; the first event of a stream is revision 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: number;
  /** Global position of the last appended event. Reads can wait for a projection to reach it. */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the start. */
  readonly after?: number;
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events strictly after this position. Omit to start at the beginning. */
  readonly after?: number;
  readonly filter?: SubscriptionFilter;
  /** Upper bound on the events handed to one `onEvents` call. */
  readonly maxBatchSize?: number;
}

export interface SubscriptionHandler {
  /**
   * Called with events in `$all` order. The next batch is not delivered until the returned promise
   * settles. A rejected promise stops the subscription and is reported through `onError`.
   */
  onEvents(events: readonly RecordedEvent[]): Promise<void> | void;
  /** The subscription has delivered everything that existed when it caught up and is now live. */
  onCaughtUp?(): void;
  /**
   * With a filter, the store may report that it has scanned up to `position` without a match,
   * so a checkpoint can move past filtered-out events.
   */
  onCheckpoint?(position: number): Promise<void> | void;
  /** The subscription stopped for good (handler failure or unrecoverable store error). */
  onError?(error: unknown): void;
}

export interface Subscription {
  /** Last position delivered to the handler, or the starting checkpoint if none yet. */
  readonly lastPosition: number | undefined;
  readonly caughtUp: boolean;
  stop(): Promise<void>;
}

/** The event store port: injected by this abstract class; SQLite and EventStoreDB adapters implement it. */
export abstract class EventStore {
  abstract appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Events of one stream; an empty array when the stream does not exist. */
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Retention: afterwards `readStream` no longer returns the stream's events below `revision`. The
   * stream's revisions are unchanged, so appends continue at the same expected revision. A missing stream
   * is left alone. Whether `$all` still holds the events is up to the store (EventStoreDB keeps them until
   * a scavenge), so callers must not rely on either.
   */
  abstract truncateStreamBefore(streamId: string, revision: number): Promise<void>;

  /** Events of every stream in global order, forwards. */
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * The events at these global positions, in position order, each once. A position that holds no event
   * of ours is left out. Lets an index that keeps only positions (the guild timeline) read its events
   * through the store, so whatever the store does on read (upcasting, decryption) applies to them too.
   * Like `readAll`, whether events below a stream's truncation point still answer is up to the store.
   */
  abstract readPositions(positions: readonly number[]): Promise<RecordedEvent[]>;

  /** Catches up from the checkpoint, then goes live. Resumes from its last position after a drop. */
  abstract subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription;

  /** Position of the newest event in `$all`, or -1 when the store is empty. */
  abstract headPosition(): Promise<number>;

  /** Throws EventStoreUnavailableError when the store cannot be reached. */
  abstract ping(): Promise<void>;

  abstract close(): Promise<void>;
}
