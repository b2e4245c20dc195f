import type { RecordedEvent } from '#eventstore';

/**
 * A moment of the store: a global position (everything appended up to and including it), or a time
 * (every event decided at or before it, by the event's `occurredAt`, the history's `time`).
 */
export type AsOf = { readonly position: number } | { readonly time: number };

/** Whether an event is part of the state as of the moment. */
export function includes(asOf: AsOf, event: RecordedEvent): boolean {
  return 'position' in asOf
    ? event.position <= asOf.position
    : Date.parse(event.metadata.occurredAt) <= asOf.time;
}

/**
 * A state folded from one stream as the read models fold it: `evolve` is the read model's own pure
 * function, so an as-of read and the live read model can never disagree. `version` names the meaning
 * of `evolve`: snapshots taken under another version are ignored (bump it with the projection's).
 */
export interface StreamFold<S> {
  readonly name: string;
  readonly version: number;
  readonly initial: () => S;
  readonly evolve: (state: S, event: RecordedEvent) => S;
}

/** A fold as it stood after one event of its stream. */
export interface FoldedState<S> {
  readonly state: S;
  /** Revision of the last event folded, -1 when none was. */
  readonly revision: number;
  /** Global position of the last event folded, -1 when none was. */
  readonly position: number;
  /**
   * The latest `occurredAt` among the events folded, as epoch ms (null when none was): a snapshot
   * serves a time only if no event in it is later, whatever order the times were written in.
   */
  readonly occurredAtMs: number | null;
}
