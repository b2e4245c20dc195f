import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryRateLimiter } from './memory-rate-limiter';
import type { RateLimitPolicy } from './policy';

const NOW = 1_700_000_000_000;
const SECOND = 1000;
const MINUTE: RateLimitPolicy = { name: 'minute', limit: 6, windowSeconds: 60 }; // T = 10 s

function touch(rl: MemoryRateLimiter, keys: number, at: number): void {
  for (let i = 0; i < keys; i++) rl.consumeSync([{ key: `user:${i}`, policy: MINUTE }], at);
}

describe('MemoryRateLimiter eviction', () => {
  it('given keys that are not full again yet, when a sweep runs, then it keeps them', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    touch(rl, 1_000, NOW);
    assert.equal(rl.sweep(NOW + 10 * SECOND - 1), 0);
    assert.equal(rl.size, 1_000);
  });

  it('given keys that have idled until full, when a sweep runs, then size returns to 0', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    touch(rl, 1_000, NOW);
    assert.equal(rl.sweep(NOW + 10 * SECOND), 1_000);
    assert.equal(rl.size, 0);
  });

  it('given an evicted key, when it comes back, then it behaves like a fresh key', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 6; i++) rl.consumeSync([{ key: 'k', policy: MINUTE }], NOW);
    rl.sweep(NOW + 60 * SECOND);
    assert.equal(rl.size, 0);
    const again = Array.from({ length: 7 }, () =>
      rl.consumeSync([{ key: 'k', policy: MINUTE }], NOW + 60 * SECOND),
    );
    assert.deepEqual(
      again.map((r) => r.tightest.remaining),
      [5, 4, 3, 2, 1, 0, 0],
    );
    assert.equal(again[6].allowed, false);
  });

  it('given idle keys and traffic on another key, when requests keep coming, then the idle keys are swept away', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    touch(rl, 10_000, NOW);
    const later = NOW + 60 * SECOND;
    // Two entries examined per request on average: 10,000 idle keys are gone within ~5,000 requests.
    for (let i = 0; i < 6_000; i++)
      rl.consumeSync([{ key: 'busy', policy: { ...MINUTE, limit: 10_000 } }], later);
    assert.equal(rl.size, 1);
  });

  it('given most keys evicted and a few still live, when storage shrinks, then the live ones keep their state', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    touch(rl, 20_000, NOW);
    const busy = Array.from({ length: 100 }, (_, i) => `busy:${i}`);
    for (const key of busy) {
      for (let n = 0; n < 4; n++) rl.consumeSync([{ key, policy: MINUTE }], NOW);
    }
    // At +10 s the once-touched keys are full again; the busy ones (4 taken, 1 refilled since) are not.
    assert.equal(rl.sweep(NOW + 10 * SECOND), 20_000);
    assert.equal(rl.size, 100);
    const remaining = busy.map(
      (key) => rl.consumeSync([{ key, policy: MINUTE }], NOW + 10 * SECOND).tightest.remaining,
    );
    assert.deepEqual(new Set(remaining), new Set([2]));
  });

  it('given a bounded sweep, when it runs repeatedly, then it resumes where it stopped', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    touch(rl, 300, NOW);
    const later = NOW + 60 * SECOND;
    assert.deepEqual([rl.sweep(later, 100), rl.sweep(later, 100), rl.sweep(later, 100)], [100, 100, 100]);
    assert.equal(rl.size, 0);
  });

  it('given no traffic at all, when the background sweep fires, then idle keys go away', async () => {
    let clock = NOW;
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 5, clock: () => clock });
    touch(rl, 100, NOW);
    clock = NOW + 60 * SECOND;
    const deadline = Date.now() + 5_000;
    while (rl.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await rl.close();
    assert.equal(rl.size, 0);
  });
});
