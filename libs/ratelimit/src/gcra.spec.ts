import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pickTightest } from './gcra';
import type { RateLimitDecision } from './policy';

function decision(name: string, fields: Partial<RateLimitDecision>): RateLimitDecision {
  const limit = fields.limit ?? 10;
  return {
    policy: { name, limit, windowSeconds: 60 },
    allowed: true,
    limit,
    remaining: 5,
    resetAt: 0,
    retryAfterSeconds: 0,
    refillSeconds: 1,
    ...fields,
  };
}

describe('pickTightest', () => {
  it('given only allowing decisions, then the one with fewest remaining is tightest', () => {
    const picked = pickTightest([
      decision('a', { remaining: 7 }),
      decision('b', { remaining: 2 }),
      decision('c', { remaining: 4 }),
    ]);
    assert.equal(picked.policy.name, 'b');
  });

  it('given allowing decisions tied on remaining, then the smaller limit is tightest', () => {
    const picked = pickTightest([
      decision('big', { remaining: 3, limit: 100 }),
      decision('small', { remaining: 3, limit: 5 }),
    ]);
    assert.equal(picked.policy.name, 'small');
  });

  it('given a refusing decision among allowing ones with less room, then the refusing one is tightest', () => {
    const picked = pickTightest([
      decision('allowing', { remaining: 0 }),
      decision('refusing', { allowed: false, remaining: 0, retryAfterSeconds: 3 }),
    ]);
    assert.equal(picked.policy.name, 'refusing');
  });

  it('given several refusing decisions, then the one with the longest wait is tightest', () => {
    const picked = pickTightest([
      decision('soon', { allowed: false, remaining: 0, retryAfterSeconds: 3 }),
      decision('late', { allowed: false, remaining: 0, retryAfterSeconds: 3000 }),
      decision('mid', { allowed: false, remaining: 0, retryAfterSeconds: 30 }),
    ]);
    assert.equal(picked.policy.name, 'late');
  });
});
