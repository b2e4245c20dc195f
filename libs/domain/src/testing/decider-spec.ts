import assert from 'node:assert/strict';
import type { DecisionContext, Decider, DomainEvent } from '../shared/decider';
import { DomainError, type RefusalReason } from '../shared/domain-error';

/** The fixed decision time of every specification, so expected events never depend on the clock. */
export const SPEC_NOW = '2026-01-01T00:00:00.000Z';

interface WhenStep<TEvent> {
  /** The command produced exactly these events, in order. */
  then(expected: readonly TEvent[]): void;
  /** The command was accepted and changed nothing. */
  thenNothing(): void;
  /** The command was refused with a DomainError of this reason (and code and field, when given). */
  thenThrows(reason: RefusalReason, code?: string, field?: string): void;
}

interface GivenStep<TCommand, TEvent> {
  when(command: TCommand, context?: Partial<DecisionContext>): WhenStep<TEvent>;
}

/**
 * Given/when/then for a pure decider: the given events are folded with `evolve`, the command is decided
 * against the result, and the outcome compared with deep equality.
 *
 * ```ts
 * DeciderSpecification.for(guildDecider).given([registered]).when(command).then([updated]);
 * ```
 */
export const DeciderSpecification = {
  for<TState, TCommand, TEvent extends DomainEvent>(decider: Decider<TState, TCommand, TEvent>) {
    return {
      given(events: readonly TEvent[]): GivenStep<TCommand, TEvent> {
        return {
          when(command, context) {
            const fullContext: DecisionContext = { now: SPEC_NOW, ...context };
            const run = (): TEvent[] => {
              const state = events.reduce(decider.evolve, decider.initialState());
              return decider.decide(command, state, fullContext);
            };
            return {
              then(expected) {
                const actual = run();
                assert.deepEqual(actual, expected);
                // The events decided must fold cleanly: a decider whose output its own evolve rejects is broken.
                actual.reduce(decider.evolve, events.reduce(decider.evolve, decider.initialState()));
              },
              thenNothing() {
                assert.deepEqual(run(), []);
              },
              thenThrows(reason, code, field) {
                assert.throws(run, (error: unknown) => {
                  assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
                  assert.equal(error.reason, reason);
                  if (code !== undefined) assert.equal(error.code, code);
                  if (field !== undefined) assert.equal(error.field, field);
                  return true;
                });
              },
            };
          },
        };
      },
    };
  },
};
