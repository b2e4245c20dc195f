import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AnalyticsUnavailableError } from '#analytics';
import { DomainError, InvalidQueryError, TrackNotFoundError } from '#domain';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '#eventstore';
import { refusalFor } from './refusal';

describe('refusalFor', () => {
  it('given each reason the domain refuses for, then its status, and the code, message and field as given', () => {
    const cases = [
      ['invalid', 400],
      ['not_found', 404],
      ['forbidden', 403],
      ['conflict', 409],
    ] as const;
    for (const [reason, status] of cases) {
      const error = new DomainError(reason, `some_${reason}`, `refused: ${reason}`, 'volume');
      assert.deepEqual(refusalFor(error), {
        status,
        code: `some_${reason}`,
        message: `refused: ${reason}`,
        field: 'volume',
      });
    }
  });

  it('given a domain refusal naming no field, then the refusal names none', () => {
    assert.equal('field' in refusalFor(new DomainError('not_found', 'guild_not_found', 'no guild'))!, false);
  });

  it('given the track resolver finds nothing or cannot read the query, then 404 or 400 naming the field', () => {
    assert.deepEqual(refusalFor(new TrackNotFoundError('zzz')), {
      status: 404,
      code: 'track_not_found',
      message: 'no track found for "zzz"',
    });
    assert.deepEqual(refusalFor(new InvalidQueryError('unknown source', 'source')), {
      status: 400,
      code: 'invalid_query',
      message: 'unknown source',
      field: 'source',
    });
  });

  it('given a conflict that outlasted the retries or a store that is down, then it is worth retrying', () => {
    const conflict = refusalFor(new ConcurrencyConflictError('guild-1', 3, 4));
    const store = refusalFor(new EventStoreUnavailableError('connection refused'));
    const analytics = refusalFor(new AnalyticsUnavailableError('timeout'));
    assert.deepEqual(
      [conflict, store, analytics].map((r) => [r?.status, r?.retryAfterSeconds]),
      [
        [409, 1],
        [503, 1],
        [503, 1],
      ],
    );
    assert.doesNotMatch(conflict!.message, /guild-1/, "the store's internals are not the user's business");
  });

  it('given anything else, then it is a fault, not a refusal', () => {
    assert.equal(refusalFor(new TypeError('x is undefined')), undefined);
    assert.equal(refusalFor('a string'), undefined);
    assert.equal(refusalFor(undefined), undefined);
  });
});
