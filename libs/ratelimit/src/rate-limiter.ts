import type { RateLimitCheck, RateLimitResult } from './policy';

/**
 * The rate-limiting port, and the injection token for it. `consume` is all-or-nothing: the request is
 * allowed only when every check allows it, and a refused request consumes nothing from any bucket.
 */
export abstract class RateLimiter {
  /**
   * Counts one request against every check. `nowMs` (epoch milliseconds, default now) is honoured by
   * the in-memory limiter; the Redis limiter always uses the Redis server's clock.
   */
  abstract consume(checks: readonly RateLimitCheck[], nowMs?: number): Promise<RateLimitResult>;

  /** Stops timers and closes connections the limiter owns. */
  abstract close(): Promise<void>;
}
