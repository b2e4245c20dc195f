import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '#domain';
import { ConcurrencyConflictError, type EventStore, type NewEvent } from '#eventstore';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';
import { KeyedMutex } from './keyed-mutex';

/**
 * Optimistic concurrency protects a stream across processes; inside one process, queueing commands
 * per stream spares hot streams (one busy guild) a storm of conflicts and retries.
 */
const streamQueue = new KeyedMutex();

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
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
    const revision = history.length === 0 ? -1 : history[history.length - 1].revision;
    const occurredAt = now().toISOString();
    const events = decider.decide(command, state, { now: occurredAt });
    if (events.length === 0) return { eventTypes: [], revision, position: undefined };
    try {
      const result = await store.appendToStream(streamId, toNewEvents(decider, events, context, occurredAt), {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      return {
        eventTypes: events.map((e) => e.type),
        revision: result.nextRevision,
        position: result.position,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw error;
    }
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
