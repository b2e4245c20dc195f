import { before, after } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../envelope';
import type { EventStore, SubscriptionHandler } from '../event-store.port';

/** Opens a store for one group of contract tests; `dispose` releases it (and may delete its data). */
export type OpenEventStore = () => Promise<{ store: EventStore; dispose(): Promise<void> }>;

/** A stream id no other test (or other run against a shared server) will use. */
export function uniqueStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}

/** Builds a NewEvent with a random UUID id and complete metadata; `overrides` replace any field. */
export function testEvent<TData = unknown>(
  type: string,
  data: TData,
  overrides: Partial<Omit<NewEvent<string, TData>, 'metadata'>> & { metadata?: Partial<EventMetadata> } = {},
): NewEvent<string, TData> {
  const { metadata, ...rest } = overrides;
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    ...rest,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'system', id: 'contract-test' },
      door: 'system',
      occurredAt: new Date().toISOString(),
      ...metadata,
    },
  };
}

/** Polls `condition` until it holds; fails the test with `message` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a store before the enclosing describe block runs and disposes of it afterwards. */
export function useStore(open: OpenEventStore): () => EventStore {
  let opened: Awaited<ReturnType<OpenEventStore>> | undefined;
  before(async () => {
    opened = await open();
  });
  after(async () => {
    await opened?.dispose();
  });
  return () => {
    if (!opened) throw new Error('The store was not opened');
    return opened.store;
  };
}

/** Records what a subscription hands its handler, for assertions. */
export class SubscriptionRecorder {
  readonly batches: RecordedEvent[][] = [];
  readonly errors: unknown[] = [];
  readonly checkpoints: number[] = [];
  caughtUpCalls = 0;

  get events(): RecordedEvent[] {
    return this.batches.flat();
  }

  /** Only the events of the given streams: a shared server carries other tests' events too. */
  eventsOf(...streamIds: string[]): RecordedEvent[] {
    return this.events.filter((event) => streamIds.includes(event.streamId));
  }

  handler(onEvents?: (events: readonly RecordedEvent[]) => Promise<void> | void): SubscriptionHandler {
    return {
      onEvents: async (events) => {
        this.batches.push([...events]);
        await onEvents?.(events);
      },
      onCaughtUp: () => {
        this.caughtUpCalls += 1;
      },
      onCheckpoint: (position) => {
        this.checkpoints.push(position);
      },
      onError: (error) => {
        this.errors.push(error);
      },
    };
  }
}
