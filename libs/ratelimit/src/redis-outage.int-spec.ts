import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startRedisServer } from '#test/support/redis-server';
import { createRateLimiter } from './create-rate-limiter';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { RateLimiterUnavailableError, RedisRateLimiter } from './redis-rate-limiter';

const POLICY = { name: 'minute', limit: 1, windowSeconds: 60 };

describe('RedisRateLimiter when redis goes away', () => {
  it('given redis is stopped, when a request comes, then it fails open and reports the error', async () => {
    const server = await startRedisServer();
    const errors: Error[] = [];
    const rl = new RedisRateLimiter({ url: server.url, timeoutMs: 300, onError: (e) => errors.push(e) });
    try {
      assert.equal((await rl.consume([{ key: 'k', policy: POLICY }])).allowed, true);
      assert.equal((await rl.consume([{ key: 'k', policy: POLICY }])).allowed, false);
      await server.stop();
      const during = await rl.consume([{ key: 'k', policy: POLICY }]);
      assert.deepEqual([during.allowed, during.failedOpen, during.tightest.remaining], [true, true, 1]);
      assert.ok(errors.length > 0);
    } finally {
      await rl.close();
      await server.stop();
    }
  });

  it('given failOpen is false and redis is stopped, when a request comes, then consume rejects as unavailable', async () => {
    const server = await startRedisServer();
    const rl = new RedisRateLimiter({ url: server.url, timeoutMs: 300, failOpen: false, onError: () => {} });
    try {
      await rl.consume([{ key: 'k', policy: POLICY }]);
      await server.stop();
      await assert.rejects(rl.consume([{ key: 'k', policy: POLICY }]), RateLimiterUnavailableError);
    } finally {
      await rl.close();
    }
  });

  it('given no redis-server binary, when the test support starts one, then it fails saying so', async () => {
    await assert.rejects(startRedisServer('/nonexistent/redis-server'), /not on PATH/);
  });
});

describe('createRateLimiter', () => {
  it('given a redis url, then it builds a Redis limiter that works; without one, an in-memory limiter', async () => {
    const server = await startRedisServer();
    const shared = createRateLimiter({ redisUrl: server.url, keyPrefix: 'factory:' });
    const local = createRateLimiter();
    try {
      assert.ok(shared instanceof RedisRateLimiter);
      assert.ok(local instanceof MemoryRateLimiter);
      assert.equal((await shared.consume([{ key: 'k', policy: POLICY }])).tightest.remaining, 0);
    } finally {
      await Promise.all([shared.close(), local.close()]);
      await server.stop();
    }
  });
});
