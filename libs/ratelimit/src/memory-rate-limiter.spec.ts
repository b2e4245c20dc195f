import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { InvalidRateLimitPolicyError, type RateLimitPolicy } from './policy';

const NOW = 1_700_000_000_000;
const SECOND = 1000;
const HOURLY: RateLimitPolicy = { name: 'hourly', limit: 3, windowSeconds: 3600 }; // T = 1,200 s
const MINUTE: RateLimitPolicy = { name: 'minute', limit: 2, windowSeconds: 60 }; // T = 30 s

function limiter(): MemoryRateLimiter {
  return new MemoryRateLimiter({ sweepIntervalMs: 0 });
}

describe('MemoryRateLimiter', () => {
  it('given a fresh key, when limit requests arrive at once, then all pass and remaining counts down to 0', () => {
    const rl = limiter();
    const remaining = [1, 2, 3].map(() => rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW).tightest);
    assert.deepEqual(
      remaining.map((d) => [d.allowed, d.remaining, d.resetAt, d.retryAfterSeconds]),
      [
        [true, 2, NOW / SECOND + 1200, 0],
        [true, 1, NOW / SECOND + 2400, 0],
        [true, 0, NOW / SECOND + 3600, 0],
      ],
    );
  });

  it('given an exhausted key, when one more request arrives, then it is refused with the wait until one refills', () => {
    const rl = limiter();
    for (let i = 0; i < 3; i++) rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    const refused = rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW + 200 * SECOND);
    assert.equal(refused.allowed, false);
    assert.deepEqual(
      { ...refused.tightest, policy: undefined },
      {
        policy: undefined,
        allowed: false,
        limit: 3,
        remaining: 0,
        resetAt: NOW / SECOND + 3600,
        retryAfterSeconds: 1000,
        refillSeconds: 1000,
      },
    );
  });

  it('given limits whose interval is not a whole number, when exactly limit requests arrive, then the next is refused', () => {
    for (const policy of [
      { name: 'seven', limit: 7, windowSeconds: 3600 },
      { name: 'hundred', limit: 100, windowSeconds: 3600 },
      { name: 'bod-guilds', limit: 2, windowSeconds: 240 },
      { name: 'odd', limit: 9_999, windowSeconds: 86_400 },
    ]) {
      const rl = limiter();
      const outcomes = Array.from({ length: policy.limit + 1 }, () =>
        rl.consumeSync([{ key: 'k', policy }], NOW),
      );
      assert.equal(outcomes.filter((r) => r.allowed).length, policy.limit, policy.name);
      assert.equal(outcomes[policy.limit - 1].tightest.remaining, 0, policy.name);
      assert.equal(outcomes[policy.limit].allowed, false, policy.name);
    }
  });

  it('given an exhausted key, when one interval T passes, then exactly one more request passes', () => {
    const rl = limiter();
    for (let i = 0; i < 3; i++) rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    const early = rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW + 1200 * SECOND - 1);
    const onTime = rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW + 1200 * SECOND);
    const next = rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW + 1200 * SECOND);
    assert.deepEqual([early.allowed, early.tightest.retryAfterSeconds], [false, 1]);
    assert.deepEqual([onTime.allowed, onTime.tightest.remaining], [true, 0]);
    assert.deepEqual([next.allowed, next.tightest.retryAfterSeconds], [false, 1200]);
  });

  it('given an exhausted key, when two intervals pass, then capacity has refilled smoothly by two', () => {
    const rl = limiter();
    for (let i = 0; i < 3; i++) rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    const later = NOW + 2400 * SECOND;
    const results = [1, 2, 3].map(() => rl.consumeSync([{ key: 'k', policy: HOURLY }], later).allowed);
    assert.deepEqual(results, [true, true, false]);
  });

  it('given one policy exhausted, when a request names it and another, then it is refused and consumes from neither', () => {
    const rl = limiter();
    const checks = [
      { key: 'hush:server:1', policy: MINUTE },
      { key: 'hexify:key:abc', policy: HOURLY },
    ];
    rl.consumeSync(checks, NOW);
    rl.consumeSync(checks, NOW);
    const refused = rl.consumeSync(checks, NOW);
    assert.equal(refused.allowed, false);
    assert.deepEqual(
      refused.decisions.map((d) => [d.policy.name, d.allowed, d.remaining]),
      [
        ['minute', false, 0],
        ['hourly', true, 1],
      ],
    );
    // After the minute bucket refills, the hourly one still has the 1 the refused request did not take.
    const after = rl.consumeSync(checks, NOW + 30 * SECOND);
    assert.deepEqual(
      after.decisions.map((d) => d.remaining),
      [0, 0],
    );
    assert.equal(after.allowed, true);
  });

  it('given one key under two policies, when requests arrive, then each policy keeps its own bucket', () => {
    const rl = limiter();
    const checks = [
      { key: 'k', policy: MINUTE },
      { key: 'k', policy: HOURLY },
    ];
    const first = rl.consumeSync(checks, NOW);
    assert.deepEqual(
      first.decisions.map((d) => d.remaining),
      [1, 2],
    );
    assert.equal(rl.size, 2);
  });

  it('given a request naming the same bucket twice, when it fits, then it is charged twice', () => {
    const rl = limiter();
    const check = { key: 'k', policy: HOURLY };
    const twice = rl.consumeSync([check, check], NOW);
    assert.deepEqual(
      twice.decisions.map((d) => d.remaining),
      [2, 1],
    );
    const tooMany = rl.consumeSync([check, check], NOW);
    assert.equal(tooMany.allowed, false);
    assert.equal(rl.consumeSync([check], NOW).tightest.remaining, 0);
  });

  it('given policies with different room, when allowed, then tightest is the one with fewest remaining', () => {
    const rl = limiter();
    const wide = { name: 'wide', limit: 10, windowSeconds: 60 };
    const narrow = { name: 'narrow', limit: 4, windowSeconds: 3600 };
    rl.consumeSync([{ key: 'a', policy: wide }], NOW);
    rl.consumeSync([{ key: 'a', policy: wide }], NOW);
    rl.consumeSync([{ key: 'a', policy: wide }], NOW); // wide: 7 left; next request leaves 6
    const result = rl.consumeSync(
      [
        { key: 'a', policy: wide },
        { key: 'b', policy: narrow },
      ],
      NOW,
    );
    assert.equal(result.tightest.policy.name, 'narrow');
    assert.equal(result.tightest.remaining, 3);
  });

  it('given an unusable policy, when it is checked, then it is rejected naming the problem', async () => {
    const rl = limiter();
    const bad = [
      { name: 'zero', limit: 0, windowSeconds: 60 },
      { name: 'fraction', limit: 1, windowSeconds: 0.5 },
      { name: 'has:colon', limit: 1, windowSeconds: 60 },
      { name: 'quote"', limit: 1, windowSeconds: 60 },
    ];
    for (const policy of bad) {
      assert.throws(() => rl.consumeSync([{ key: 'k', policy }], NOW), InvalidRateLimitPolicyError);
    }
    await assert.rejects(rl.consume([], NOW), RangeError);
  });

  it('given the async port, when consume is awaited, then it answers like consumeSync', async () => {
    const rl = limiter();
    const result = await rl.consume([{ key: 'k', policy: HOURLY }], NOW);
    assert.deepEqual([result.allowed, result.tightest.remaining], [true, 2]);
    await rl.close();
  });
});
