import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '#domain';
import { ConcurrencyConflictError, type EventStore, type NewEvent } from '#eventstore';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import { KeyedMutex } from './keyed-mutex';
import { StreamStateCache, type CachedState } from './stream-state-cache';

/**
 * Optimistic concurrency protects a stream across processes; inside one process, queueing commands
 * per stream spares hot streams (one busy guild) a storm of conflicts and retries.
 */
const streamQueue = new KeyedMutex();
const CATCH_UP_PAGE = 1_000;
/** One cache per store, so two stores in one process (tests, tools) never see each other's state. */
const stateCaches = new WeakMap<EventStore, StreamStateCache>();

function cacheFor(store: EventStore): StreamStateCache {
  let cache = stateCaches.get(store);
  if (!cache) stateCaches.set(store, (cache = new StreamStateCache()));
  return cache;
}

export interface DecideAndAppendOptions {
  /** Attempts before a conflict is given up and surfaces as 409. */
  readonly maxAttempts?: number;
  /** Injected for tests; defaults to the wall clock. */
  readonly now?: () => Date;
}

/**
 * The one handler shell every context uses: read the stream, fold it, decide, append at the
 * expected revision; when another writer got there first, run the whole thing again.
 */
export function decideAndAppend<S, C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  context: CommandContext,
  options: DecideAndAppendOptions = {},
): Promise<CommandResult> {
  return streamQueue.run(streamId, () =>
    decideAndAppendOnce(store, decider, streamId, command, context, options),
  );
}

async function decideAndAppendOnce<S, C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  context: CommandContext,
  options: DecideAndAppendOptions,
): Promise<CommandResult> {
  const maxAttempts = options.maxAttempts ?? 4;
  const now = options.now ?? (() => new Date());
  const cache = cacheFor(store);
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await catchUp(store, decider, streamId, cache.get<S>(streamId));
    cache.set(streamId, { state, revision });
    const occurredAt = now().toISOString();
    const events = decider.decide(command, state, { now: occurredAt });
    if (events.length === 0) return { eventTypes: [], revision, position: undefined };
    try {
      const result = await store.appendToStream(streamId, toNewEvents(decider, events, context, occurredAt), {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      cache.set(streamId, { state: events.reduce(decider.evolve, state), revision: result.nextRevision });
      return {
        eventTypes: events.map((e) => e.type),
        revision: result.nextRevision,
        position: result.position,
      };
    } catch (error) {
      // Another process wrote first (or the cache was stale): the next attempt folds from scratch.
      cache.delete(streamId);
      if (!(error instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}

/** Folds the events appended after the cached revision onto the cached state (all of them without one). */
async function catchUp<S, C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  cached: CachedState<S> | undefined,
): Promise<CachedState<S>> {
  let { state, revision } = cached ?? { state: decider.initialState(), revision: -1 };
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: revision + 1, maxCount: CATCH_UP_PAGE });
    for (const event of page) state = decider.evolve(state, event as unknown as E);
    if (page.length > 0) revision = page[page.length - 1].revision;
    if (page.length < CATCH_UP_PAGE) return { state, revision };
  }
}

function toNewEvents<S, C, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  events: readonly E[],
  context: CommandContext,
  occurredAt: string,
): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: decider.schemaVersions[event.type as E['type']],
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: context.actor,
      door: context.door,
      occurredAt,
    },
  }));
}
