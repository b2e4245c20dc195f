import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { projectionNotReady } from './readiness';

const status = (overrides: object) => ({
  name: 'guilds',
  lag: 0,
  caughtUp: true,
  lastError: null,
  ...overrides,
});

describe('projection readiness', () => {
  it('given a projection caught up, or behind within the bound, then it is ready', () => {
    assert.equal(projectionNotReady(status({}), 100), null);
    assert.equal(projectionNotReady(status({ caughtUp: false, lag: 100 }), 100), null);
  });

  it('given a projection behind past the bound, with an unknown head, or failed, then it says why', () => {
    assert.equal(
      projectionNotReady(status({ caughtUp: false, lag: 101 }), 100),
      '101 events behind (at most 100)',
    );
    assert.equal(
      projectionNotReady(status({ caughtUp: false, lag: null }), 100),
      'the store head is unknown',
    );
    assert.equal(projectionNotReady(status({ lastError: 'disk full' }), 100), 'failed: disk full');
  });
});
