import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Decider, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { DeciderSpecification } from './decider-spec';

// A counter that refuses negative steps and records the decision time, so each assertion can be made to fail.
type Counted = DomainEvent<'Counted', { by: number; at: string }>;
const counter: Decider<number, { by: number }, Counted> = {
  initialState: () => 0,
  decide: ({ by }, _state, { now }) => {
    if (by < 0) throw new DomainError('invalid', 'negative_step', 'steps count up', 'by');
    return by === 0 ? [] : [{ type: 'Counted', data: { by, at: now } }];
  },
  evolve: (state, event) => state + event.data.by,
  schemaVersions: { Counted: 1 },
};
const spec = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('given a decider, when the events match, then `then` passes with the fixed decision time', () => {
    spec
      .given([])
      .when({ by: 2 })
      .then([{ type: 'Counted', data: { by: 2, at: '2026-01-01T00:00:00.000Z' } }]);
  });

  it('given a decider, when the events differ, then `then` fails', () => {
    assert.throws(() => spec.given([]).when({ by: 2 }).then([]), assert.AssertionError);
  });

  it('given a decider, when events are produced, then `thenNothing` fails', () => {
    assert.throws(() => spec.given([]).when({ by: 1 }).thenNothing(), assert.AssertionError);
  });

  it('given a refusal, when reason, code or field differ, then `thenThrows` fails', () => {
    spec.given([]).when({ by: -1 }).thenThrows('invalid', 'negative_step', 'by');
    assert.throws(() => spec.given([]).when({ by: -1 }).thenThrows('not_found'), assert.AssertionError);
    assert.throws(
      () => spec.given([]).when({ by: -1 }).thenThrows('invalid', 'other'),
      assert.AssertionError,
    );
    assert.throws(() => spec.given([]).when({ by: -1 }).thenThrows('invalid', 'negative_step', 'x'));
  });

  it('given an accepted command, when `thenThrows` is expected, then it fails', () => {
    assert.throws(() => spec.given([]).when({ by: 1 }).thenThrows('invalid'), assert.AssertionError);
  });

  it('given a context override, when deciding, then the command sees that time', () => {
    spec
      .given([{ type: 'Counted', data: { by: 1, at: 'x' } }])
      .when({ by: 1 }, { now: 'later' })
      .then([{ type: 'Counted', data: { by: 1, at: 'later' } }]);
  });
});
