import { Redis } from 'ioredis';
import { assertChecks, evaluate, failOpenResult } from './gcra';
import { bucketId, emissionIntervalUs, type RateLimitCheck, type RateLimitResult } from './policy';
import { RateLimiter } from './rate-limiter';
import { GCRA_SCRIPT } from './redis-gcra.script';

/** Options of {@link RedisRateLimiter}: give either a client (`redis`) or a `url` to connect to. */
export interface RedisRateLimiterOptions {
  /** A client to use; the caller keeps ownership and closes it. */
  readonly redis?: Redis;
  /** `redis://…` to connect to; the limiter owns this connection and closes it in `close()`. */
  readonly url?: string;
  /** Prepended to every bucket key. Default `ratelimit:`. */
  readonly keyPrefix?: string;
  /** Let requests through when Redis fails or is slower than `timeoutMs` (default true). */
  readonly failOpen?: boolean;
  /** Longest wait for Redis before the call counts as failed, in ms. Default 500. */
  readonly timeoutMs?: number;
  /** Told about every Redis failure. Default: a warning on stderr at most every 10 s. */
  readonly onError?: (error: Error) => void;
}

/** Raised by a limiter with `failOpen: false` when its store cannot answer. */
export class RateLimiterUnavailableError extends Error {
  override readonly name = 'RateLimiterUnavailableError';
}

type GcraClient = Redis & { guildhallGcra(numKeys: number, ...args: string[]): Promise<string[]> };

/**
 * GCRA limits shared by every replica through Redis: one key per live bucket holding its theoretical
 * arrival time, all checks of a request decided in one Lua script on Redis time, each key expiring when
 * its bucket is full again. Fails open by default: an outage of the counter store should cost the
 * limits, not the API.
 */
export class RedisRateLimiter extends RateLimiter {
  private readonly client: GcraClient;
  private readonly owned: boolean;
  private readonly keyPrefix: string;
  private readonly failOpen: boolean;
  private readonly timeoutMs: number;
  private readonly onError: (error: Error) => void;

  constructor(options: RedisRateLimiterOptions) {
    super();
    if (!options.redis && !options.url) throw new TypeError('RedisRateLimiter needs a redis client or a url');
    this.owned = !options.redis;
    this.keyPrefix = options.keyPrefix ?? 'ratelimit:';
    this.failOpen = options.failOpen ?? true;
    this.timeoutMs = options.timeoutMs ?? 500;
    this.onError = options.onError ?? throttledWarning(this.failOpen);
    const client =
      options.redis ??
      new Redis(options.url as string, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
    // Without a listener ioredis prints every reconnect failure itself.
    if (this.owned) client.on('error', (error: Error) => this.onError(error));
    // defineCommand sends EVALSHA and falls back to EVAL when the server does not know the script yet.
    client.defineCommand('guildhallGcra', { lua: GCRA_SCRIPT });
    this.client = client as GcraClient;
  }

  /** `nowMs` is ignored for the decision: the Redis server's clock is the only one that counts. */
  override async consume(checks: readonly RateLimitCheck[], nowMs?: number): Promise<RateLimitResult> {
    assertChecks(checks);
    const keys = checks.map((check) => this.keyPrefix + bucketId(check));
    const args = checks.flatMap((check) => [
      String(emissionIntervalUs(check.policy)),
      String(check.policy.limit),
    ]);
    let reply: string[];
    try {
      reply = await this.withTimeout(this.client.guildhallGcra(keys.length, ...keys, ...args));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.onError(failure);
      if (!this.failOpen)
        throw new RateLimiterUnavailableError(`rate limiter store failed: ${failure.message}`);
      return failOpenResult(checks, nowMs ?? Date.now());
    }
    const nowUs = Number(reply[1]);
    return evaluate(checks, reply.slice(2).map(Number), nowUs);
  }

  override async close(): Promise<void> {
    if (!this.owned) return;
    // QUIT would wait for a reconnect that may never come.
    if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  // A late reply after the timeout may still consume; failing open already let that request through.
  private withTimeout<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`redis did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }
}

function throttledWarning(failOpen: boolean, everyMs = 10_000): (error: Error) => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < everyMs) {
      suppressed++;
      return;
    }
    const more = suppressed > 0 ? ` (${suppressed} more since the last warning)` : '';
    const effect = failOpen ? 'requests pass unlimited' : 'requests fail';
    console.warn(`rate limiter: redis failed, ${effect}: ${error.message}${more}`);
    last = now;
    suppressed = 0;
  };
}
