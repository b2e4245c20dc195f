/** A domain event as the domain sees it: a past-tense type and plain data. Metadata is added by the handler. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** What `decide` may know besides the command and the state: passed in so deciding stays pure. */
export interface DecisionContext {
  /** ISO 8601 time of the decision. */
  readonly now: string;
}

/**
 * A pure decider: `decide` validates a command against the folded state and returns the events it causes
 * (an empty array when nothing changes); `evolve` folds one event into the state and trusts it.
 */
export interface Decider<TState, TCommand, TEvent extends DomainEvent> {
  readonly initialState: () => TState;
  decide(command: TCommand, state: TState, context: DecisionContext): TEvent[];
  evolve(state: TState, event: TEvent): TState;
  /** Schema version written with each event type; bump it and add an upcaster when a shape changes. */
  readonly schemaVersions: Readonly<Record<TEvent['type'], number>>;
}

/** Compile-time exhaustiveness check for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
