import { MemoryRateLimiter } from './memory-rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { RedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter';

/** Options of {@link createRateLimiter}. */
export interface CreateRateLimiterOptions extends Pick<
  RedisRateLimiterOptions,
  'failOpen' | 'onError' | 'timeoutMs'
> {
  /** Shares limits across replicas through this Redis; without it, limits are per process. */
  readonly redisUrl?: string;
  /** Prefix of the Redis keys. Default `ratelimit:`. */
  readonly keyPrefix?: string;
}

/** A Redis-backed limiter when `redisUrl` is set, otherwise an in-process one. */
export function createRateLimiter(options: CreateRateLimiterOptions = {}): RateLimiter {
  const { redisUrl, ...redis } = options;
  if (redisUrl) return new RedisRateLimiter({ url: redisUrl, ...redis });
  return new MemoryRateLimiter();
}
