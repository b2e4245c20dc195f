import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '#domain';
import type { EventStore, NewEvent } from '#eventstore';
import type { CommandContext } from './command-context';
import type { CommandResult } from './command-result';

export interface AppendFactsOptions {
  /** Event ids, one per command: the same ids again write nothing (idempotent retries, the demo). */
  readonly ids?: readonly string[];
  readonly now?: () => Date;
}

/**
 * The shell for streams of independent facts (usage): decide each command with no state, append
 * with no expected revision. Nothing is read, so a stream's length never slows a write, and
 * concurrent writers never conflict. Idempotency comes from event ids.
 */
export async function appendFacts<C, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<null, C, E>,
  streamId: string,
  commands: readonly C[],
  context: CommandContext,
  options: AppendFactsOptions = {},
): Promise<CommandResult> {
  const occurredAt = (options.now ?? (() => new Date()))().toISOString();
  const events = commands.flatMap((command) => decider.decide(command, null, { now: occurredAt }));
  if (events.length === 0) return { eventTypes: [], revision: -1, position: undefined };
  if (options.ids && options.ids.length !== events.length) {
    throw new Error(`appendFacts: ${options.ids.length} ids for ${events.length} events`);
  }
  const newEvents: NewEvent[] = events.map((event, i) => ({
    id: options.ids?.[i] ?? randomUUID(),
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
  const result = await store.appendToStream(streamId, newEvents, { expectedRevision: 'any' });
  return { eventTypes: events.map((e) => e.type), revision: result.nextRevision, position: result.position };
}
