import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimitHeaders } from './headers';
import { MemoryRateLimiter } from './memory-rate-limiter';
import type { RateLimitPolicy } from './policy';

const NOW = 1_700_000_000_000;
const HOURLY: RateLimitPolicy = { name: 'hourly', limit: 3, windowSeconds: 3600 }; // T = 1,200 s
const MINUTE: RateLimitPolicy = { name: 'minute', limit: 60, windowSeconds: 60 };

describe('rateLimitHeaders', () => {
  it('given the first request on a fresh key, then the headers show limit-1 left and the next refill', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const headers = rateLimitHeaders(rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW));
    assert.deepEqual(headers, {
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '2',
      'x-ratelimit-reset': String(NOW / 1000 + 1200),
      'ratelimit-policy': '"hourly";q=3;w=3600',
      ratelimit: '"hourly";r=2;t=1200',
    });
  });

  it('given the last allowed request, then remaining is 0, reset is a full window away and there is no Retry-After', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    const headers = rateLimitHeaders(rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW));
    assert.deepEqual(headers, {
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 3600),
      'ratelimit-policy': '"hourly";q=3;w=3600',
      ratelimit: '"hourly";r=0;t=1200',
    });
  });

  it('given the first refused request, then Retry-After says when one passes and t does not promise earlier', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW);
    const headers = rateLimitHeaders(rl.consumeSync([{ key: 'k', policy: HOURLY }], NOW + 1_500));
    assert.deepEqual(headers, {
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 3600),
      'ratelimit-policy': '"hourly";q=3;w=3600',
      ratelimit: '"hourly";r=0;t=1199',
      'retry-after': '1199',
    });
  });

  it('given two policies, then RateLimit-Policy lists both and RateLimit describes the tightest', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const checks = [
      { key: 'server:1', policy: MINUTE },
      { key: 'key:abc', policy: HOURLY },
    ];
    const headers = rateLimitHeaders(rl.consumeSync(checks, NOW));
    assert.equal(headers['ratelimit-policy'], '"minute";q=60;w=60, "hourly";q=3;w=3600');
    assert.equal(headers.ratelimit, '"hourly";r=2;t=1200');
    assert.equal(headers['x-ratelimit-limit'], '3');
  });

  it('given one policy applied to two keys, then RateLimit-Policy names it once', () => {
    const rl = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const checks = [
      { key: 'server:1', policy: MINUTE },
      { key: 'key:abc', policy: MINUTE },
    ];
    assert.equal(rateLimitHeaders(rl.consumeSync(checks, NOW))['ratelimit-policy'], '"minute";q=60;w=60');
  });
});
