import { MemoryRateLimiter, RedisRateLimiter, type RateLimitPolicy } from '#ratelimit';
import { startRedisServer } from '#test/support/redis-server';
import type { Report } from './report';

const POLICY: RateLimitPolicy = { name: 'per-minute', limit: 1_000, windowSeconds: 60 };
const HOT_KEYS = 100_000;
const ROUNDS = 5;
const ROUND_MS = 500;
const HEAP_KEYS = 1_000_000;
const REDIS_WORKERS = 64;
const REDIS_DURATION_MS = 3_000;
const MB = 1024 * 1024;

/**
 * Checks per second through `consumeSync` with the real clock, over a pool of pre-built keys (building
 * the key string is the caller's cost). Best of several rounds, since other processes share the CPU.
 */
function memoryThroughput(checksPerRequest: number): number {
  const rl = new MemoryRateLimiter();
  const keys = Array.from({ length: HOT_KEYS }, (_, i) => `hexify:key:${i}`);
  const policies = Array.from({ length: checksPerRequest }, (_, i) => ({ ...POLICY, name: `p${i}` }));
  const requests = keys.map((key) => policies.map((policy) => ({ key, policy })));
  let best = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    let done = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_MS) {
      for (let n = 0; n < 10_000; n++, done++) rl.consumeSync(requests[done % HOT_KEYS]);
      elapsed = performance.now() - started;
    }
    // Round 0 only warms the JIT up.
    if (round > 0) best = Math.max(best, (done * checksPerRequest) / (elapsed / 1000));
  }
  void rl.close();
  return best;
}

function heapMb(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  // The limiter keeps TATs in a Float64Array, which lives outside the JS heap: count it too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / MB;
}

/** Heap before, with 1M live buckets, and after they idled and the limiter's own background sweep ran. */
async function heapAfterIdle(report: Report): Promise<void> {
  const exact = typeof globalThis.gc === 'function';
  const note = exact ? '' : ' (no --expose-gc: best effort)';
  let clock = Date.now();
  const rl = new MemoryRateLimiter({ clock: () => clock, sweepIntervalMs: 20 });
  const policy = { name: 'per-second', limit: 10, windowSeconds: 1 };
  const baseline = heapMb();
  for (let i = 0; i < HEAP_KEYS; i++) rl.consumeSync([{ key: `bod:guilds:${100_000_000_000 + i}`, policy }]);
  const loaded = heapMb();
  const size = rl.size;
  // Let the keys idle past their window on the limiter's clock, with no traffic: only the timer sweeps.
  clock += 2_000;
  const started = performance.now();
  while (rl.size > 0 && performance.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
  const evictedInMs = performance.now() - started;
  const left = rl.size;
  await rl.close();
  const idle = heapMb();
  report({ name: `memory: heap + array buffers, baseline${note}`, value: baseline, unit: 'MB' });
  report({
    name: `memory: heap + array buffers with ${size.toLocaleString('en-US')} live keys${note}`,
    value: loaded,
    unit: 'MB',
  });
  report({
    name: `memory: background sweep evicted ${HEAP_KEYS.toLocaleString('en-US')} idle keys in`,
    value: evictedInMs,
    unit: 'ms',
  });
  report({ name: 'memory: keys left after the sweep', value: left, unit: 'keys', target: { atMost: 0 } });
  // Flat: back within 5 MB (or 5 % of what the keys took) of the baseline; only exact with --expose-gc.
  report({
    name: `memory: heap + array buffers after idle + eviction${note}`,
    value: idle,
    unit: 'MB',
    target: exact ? { atMost: baseline + Math.max(5, 0.05 * (loaded - baseline)) } : undefined,
  });
}

async function redisThroughput(report: Report): Promise<void> {
  const server = await startRedisServer();
  const rl = new RedisRateLimiter({ url: server.url, keyPrefix: 'bench:' });
  try {
    await rl.consume([{ key: 'warm-up', policy: POLICY }]);
    let checks = 0;
    const deadline = performance.now() + REDIS_DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: REDIS_WORKERS }, async (_, worker) => {
        for (let n = 0; performance.now() < deadline; n++, checks++) {
          const result = await rl.consume([{ key: `hush:server:${worker}-${n % 1_000}`, policy: POLICY }]);
          if (result.failedOpen) throw new Error('redis failed during the bench');
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    report({
      name: `redis: checks/s, ${REDIS_WORKERS} concurrent callers, 1 policy`,
      value: checks / seconds,
      unit: 'checks/s',
    });
  } finally {
    await rl.close();
    await server.stop();
  }
}

/** Rate-limiter figures: in-process throughput, heap over a million idle keys, and Redis throughput. */
export async function run(report: Report): Promise<void> {
  const single = memoryThroughput(1);
  report({
    name: 'memory: checks/s, 1 policy per request, 100k keys, best of 5',
    value: single,
    unit: 'checks/s',
    target: { atLeast: 1_000_000 },
  });
  report({
    name: 'memory: checks/s, 3 policies per request, best of 5 (informational)',
    value: memoryThroughput(3),
    unit: 'checks/s',
  });
  await heapAfterIdle(report);
  await redisThroughput(report);
}
