import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startRedisServer, type RedisServer } from '#test/support/redis-server';
import { rateLimitHeaders } from './headers';
import type { RateLimitPolicy } from './policy';
import { RedisRateLimiter } from './redis-rate-limiter';

const HOURLY: RateLimitPolicy = { name: 'hourly', limit: 3, windowSeconds: 3600 }; // T = 1,200 s
const MINUTE: RateLimitPolicy = { name: 'minute', limit: 1, windowSeconds: 60 };

describe('RedisRateLimiter against a real redis-server', () => {
  let server: RedisServer;
  let redis: Redis;
  const limiters: RedisRateLimiter[] = [];

  function limiter(keyPrefix = 'rl-test:'): RedisRateLimiter {
    const created = new RedisRateLimiter({ url: server.url, keyPrefix });
    limiters.push(created);
    return created;
  }

  before(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });

  after(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    redis.disconnect();
    await server.stop();
  });

  it('given a fresh key, when limit+1 requests arrive, then limit pass counting down and the next waits one interval', async () => {
    const rl = limiter();
    const key = `hexify:key:${randomUUID()}`;
    const before = Math.floor(Date.now() / 1000);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rl.consume([{ key, policy: HOURLY }]));
    assert.deepEqual(
      results.map((r) => [r.allowed, r.tightest.remaining, r.tightest.retryAfterSeconds]),
      [
        [true, 2, 0],
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 1200],
      ],
    );
    const reset = results[3].tightest.resetAt - before;
    assert.ok(reset >= 3599 && reset <= 3602, `reset ${reset} s away`);
    const headers = rateLimitHeaders(results[3]);
    assert.equal(headers.ratelimit, '"hourly";r=0;t=1200');
    assert.equal(headers['retry-after'], '1200');
    assert.equal(headers['x-ratelimit-remaining'], '0');
  });

  it('given a limit whose interval is not a whole number, when exactly limit requests pass, then the next is refused', async () => {
    const rl = limiter();
    const policy = { name: 'seven', limit: 7, windowSeconds: 3600 };
    const key = randomUUID();
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push((await rl.consume([{ key, policy }])).allowed);
    assert.deepEqual(outcomes, [true, true, true, true, true, true, true, false]);
  });

  it('given two limiters on one redis (two API replicas), when both take requests, then they share one limit', async () => {
    const [a, b] = [limiter(), limiter()];
    const key = `hush:server:${randomUUID()}`;
    const policy = { name: 'per-minute', limit: 4, windowSeconds: 60 };
    const outcomes = [];
    for (let i = 0; i < 6; i++)
      outcomes.push((await (i % 2 === 0 ? a : b).consume([{ key, policy }])).allowed);
    assert.deepEqual(outcomes, [true, true, true, true, false, false]);
  });

  it('given one policy exhausted, when a request names it and another, then it is refused and consumes from neither', async () => {
    const rl = limiter();
    const checks = [
      { key: `server:${randomUUID()}`, policy: MINUTE },
      { key: `key:${randomUUID()}`, policy: HOURLY },
    ];
    await rl.consume(checks);
    const hourlyKey = `rl-test:hourly:${checks[1].key}`;
    const stored = await redis.get(hourlyKey);
    const refused = await rl.consume(checks);
    assert.equal(refused.allowed, false);
    assert.deepEqual(
      refused.decisions.map((d) => [d.policy.name, d.allowed, d.remaining]),
      [
        ['minute', false, 0],
        ['hourly', true, 2],
      ],
    );
    assert.equal(refused.tightest.policy.name, 'minute');
    assert.equal(await redis.get(hourlyKey), stored);
  });

  it('given a key prefix, when a bucket is written, then its key expires when the bucket is full again', async () => {
    const rl = limiter('custom-prefix:');
    const key = randomUUID();
    const policy = { name: 'second', limit: 2, windowSeconds: 1 }; // T = 500 ms
    await rl.consume([{ key, policy }]);
    await rl.consume([{ key, policy }]);
    const ttl = await redis.pttl(`custom-prefix:second:${key}`);
    assert.ok(ttl > 0 && ttl <= 1000, `ttl ${ttl} ms`);
    const refused = await rl.consume([{ key, policy }]);
    assert.deepEqual([refused.allowed, refused.tightest.retryAfterSeconds], [false, 1]);
    const deadline = Date.now() + 5_000;
    while ((await redis.exists(`custom-prefix:second:${key}`)) === 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await redis.exists(`custom-prefix:second:${key}`), 0);
    const fresh = await rl.consume([{ key, policy }]);
    assert.deepEqual([fresh.allowed, fresh.tightest.remaining], [true, 1]);
  });

  it('given an exhausted key, when one interval passes on the server clock, then one more request passes', async () => {
    const rl = limiter();
    const key = randomUUID();
    const policy = { name: 'fast', limit: 2, windowSeconds: 1 }; // T = 500 ms
    await rl.consume([{ key, policy }]);
    await rl.consume([{ key, policy }]);
    assert.equal((await rl.consume([{ key, policy }])).allowed, false);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal((await rl.consume([{ key, policy }])).allowed, true);
  });

  it('given the script was flushed from redis, when a request comes, then it is loaded again transparently', async () => {
    const rl = limiter();
    await rl.consume([{ key: randomUUID(), policy: HOURLY }]);
    await redis.script('FLUSH');
    const result = await rl.consume([{ key: randomUUID(), policy: HOURLY }]);
    assert.deepEqual([result.allowed, result.tightest.remaining], [true, 2]);
  });
});
