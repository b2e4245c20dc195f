import { createHash } from 'node:crypto';

export interface RateLimitOptions {
  /** Requests per bucket and major parameter per window (Discord's are often 5 per 5 s). */
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** Seconds to wait when the request exceeded the bucket (answered 429), otherwise null. */
  retryAfter: number | null;
}

/**
 * Discord's per-route buckets: every answer carries the `x-ratelimit-*` headers @discordjs/rest
 * reads to queue its requests, and a request beyond the limit gets 429 with `retry-after`.
 */
export class RateLimits {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();

  constructor(private readonly options: RateLimitOptions) {}

  take(routeKey: string, majorParameter: string, now = Date.now()): RateLimitVerdict {
    const bucket = createHash('sha1').update(routeKey).digest('hex').slice(0, 16);
    const key = `${bucket}:${majorParameter}`;
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, window);
    }
    window.used++;
    const resetAfter = (window.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-limit': String(this.options.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.options.limit - window.used)),
      'x-ratelimit-reset': (window.resetAt / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
    };
    if (window.used <= this.options.limit) return { headers, retryAfter: null };
    return {
      headers: { ...headers, 'retry-after': resetAfter.toFixed(3), 'x-ratelimit-scope': 'user' },
      retryAfter: resetAfter,
    };
  }
}
