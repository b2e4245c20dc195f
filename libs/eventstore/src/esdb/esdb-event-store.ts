import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../envelope';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '../errors';
import {
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import { withKeepAlive } from './esdb-connection-string';
import { readAllPage, type AllPage } from './esdb-all-page';
import { translateError } from './esdb-errors';
import { fromResolved, toEsdbPosition, toEventData, toPosition } from './esdb-mapping';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /** How long `ping()` waits for an answer before calling the store unavailable. */
  readonly pingTimeoutMs?: number;
}

const PAGE = 512;
/** Single-event reads `readPositions` keeps in flight at once. */
const POSITION_READS_IN_FLIGHT = 32;

/** The event store port on EventStoreDB (`EVENTSTORE_URL`, e.g. `esdb://localhost:2113?tls=false`). */
export class EsdbEventStore extends EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    super();
  }

  /** Connects with keepalive set unless the connection string already sets it. */
  static fromConnectionString(url: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(withKeepAlive(url)), options);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    this.assertOpen();
    if (events.length === 0) return this.appendNothing(streamId, expected);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: typeof expected === 'number' ? BigInt(expected) : expected,
      });
      const nextRevision = Number(result.nextExpectedRevision);
      // An idempotent retry may come back without a position: the stream's last event has it.
      const position = result.position
        ? toPosition(result.position.commit)
        : await this.positionOf(streamId, nextRevision);
      return { nextRevision, position };
    } catch (error) {
      throw translateError(error, { streamId, expected });
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
      });
      const events: RecordedEvent[] = [];
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = fromResolved(resolved);
        if (event) events.push(event);
      }
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, { streamId });
    }
  }

  // `$tb` in the stream's metadata: reads skip the events below it at once, a scavenge removes them.
  // The client (6.x) wants a number here: it rejects a BigInt as "not an integer".
  async truncateStreamBefore(streamId: string, revision: number): Promise<void> {
    this.assertOpen();
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    // A missing stream is left alone: `$tb` set now would hide its first events when they come.
    // Past the end would hide events not yet written, so the point stops at the next revision.
    if (!last || revision <= 0) return;
    try {
      const truncateBefore = Math.min(revision, last.revision + 1);
      await this.client.setStreamMetadata(streamId, { truncateBefore });
    } catch (error) {
      throw translateError(error, { streamId });
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after = options.after;
    // EventStoreDB reads $all from a position inclusively and interleaves system events: page until
    // `limit` of ours are found, dropping the event at `after` itself.
    while (events.length < limit) {
      const page = await this.readAllPage(after === undefined ? START : toEsdbPosition(after), PAGE);
      for (const { event, position } of page) {
        if (after !== undefined && position <= after) continue;
        if (event && events.length < limit) events.push(event);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
    return events;
  }

  /**
   * One single-event `$all` read per distinct position, a few at a time: EventStoreDB has no read by a
   * list of positions, and `{p, p}` addresses an event exactly (see toEsdbPosition).
   */
  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = [...new Set(positions)].sort((a, b) => a - b);
    const found: RecordedEvent[] = [];
    for (let i = 0; i < wanted.length; i += POSITION_READS_IN_FLIGHT) {
      const pages = await Promise.all(
        wanted.slice(i, i + POSITION_READS_IN_FLIGHT).map((position) => this.readOneAt(position)),
      );
      for (const [index, page] of pages.entries()) {
        const entry = page[0];
        if (entry?.event && entry.position === wanted[i + index]) found.push(entry.event);
      }
    }
    return found;
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    const subscription: EsdbSubscription = new EsdbSubscription(
      {
        client: this.client,
        headPosition: () => this.headPosition(),
        onStopped: () => this.subscriptions.delete(subscription),
      },
      options,
      handler,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    let before: number | undefined;
    // The newest events of a real server are often its own (stats, settings): skip back past them.
    for (;;) {
      const page = await this.readAllPage(before === undefined ? END : toEsdbPosition(before), PAGE, true);
      const ours = page.find((entry) => entry.event);
      if (ours) return ours.position;
      if (page.length < PAGE) return -1;
      before = page[page.length - 1]!.position;
    }
  }

  async ping(): Promise<void> {
    const timeoutMs = this.options.pingTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new EventStoreUnavailableError(`No answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.readAllPage(END, 1, true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  /**
   * The page of one record at `position`. EventStoreDB refuses a read from a position that is not a
   * record's ("invalid position"): for this read that only means no event there.
   */
  private async readOneAt(position: number): Promise<AllPage> {
    try {
      return await this.readAllPage(toEsdbPosition(position), 1);
    } catch (error) {
      if (error instanceof Error && /invalid position/i.test(error.message)) return [];
      throw error;
    }
  }

  private readAllPage(from: ReadPosition, maxCount: number, backwards = false): Promise<AllPage> {
    this.assertOpen();
    return readAllPage(this.client, from, maxCount, backwards);
  }

  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? -1;
  }

  // EventStoreDB would check the expectation, but the client misreads its answer for a missing stream:
  // check it here against the last event, which also gives the position to report.
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const current = last?.revision ?? -1;
    const satisfied =
      expected === 'any' ||
      (expected === 'no_stream' && current === -1) ||
      (expected === 'stream_exists' && current >= 0) ||
      expected === current;
    if (!satisfied) throw new ConcurrencyConflictError(streamId, expected, current);
    return { nextRevision: current, position: last?.position ?? -1 };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('The EventStoreDB store is closed');
  }
}
