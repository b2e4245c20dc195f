import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  MemoryRateLimiter,
  RateLimiter,
  rateLimitHeaders,
  type RateLimitCheck,
  type RateLimitResult,
} from '#ratelimit';
import type { ApiKeyPrincipal } from '#core';
import type { RequestWithPrincipal } from '../common/request-context';
import type { Dialect } from './dialect';
import { rateLimitChecks } from './rate-limit.policies';
import type { RoutePolicy } from './route-policy';
import { rateLimitExceeded } from './rate-limit-exceeded';
import { Metrics } from '../metrics/metrics';

const checksByKey = new WeakMap<object, Map<Dialect, RateLimitCheck[]>>();

/**
 * Without a route limit the checks depend only on the key and the dialect (the route's parameters and
 * the client's address only matter with a route limit or without a key): they are built once per key,
 * so the limiter is handed the same bucket-key strings (already hashed) on every request.
 */
function checksOfKey(key: ApiKeyPrincipal, dialect: Dialect): RateLimitCheck[] {
  let byDialect = checksByKey.get(key);
  if (!byDialect) checksByKey.set(key, (byDialect = new Map()));
  let checks = byDialect.get(dialect);
  if (!checks) {
    checks = rateLimitChecks({ dialect, params: {}, ip: '', key, routeLimit: undefined });
    byDialect.set(dialect, checks);
  }
  return checks;
}

/**
 * The second half of the AccessGuard, after the key is known: counts the request against every limit
 * that applies and writes the rate-limit headers onto the reply, so they are on every response, errors
 * and 429s included.
 */
@Injectable()
export class RateLimitGuard {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly metrics: Metrics,
  ) {}

  /** True when the request is within its limits; throws the dialect's 429 when it is not. */
  count(
    request: RequestWithPrincipal,
    reply: FastifyReply,
    { routeLimit }: RoutePolicy,
  ): boolean | Promise<boolean> {
    const dialect = request.dialect ?? 'canonical';
    const key = request.principal?.key;
    const checks =
      key && !routeLimit
        ? checksOfKey(key, dialect)
        : rateLimitChecks({
            dialect,
            params: request.params as Record<string, string | undefined>,
            ip: request.ip,
            key,
            routeLimit,
          });
    if (checks.length === 0) return true;
    // In memory the answer is immediate: skip the promise on the hot path. Redis is awaited.
    if (this.limiter instanceof MemoryRateLimiter)
      return this.answer(reply, dialect, this.limiter.consumeSync(checks));
    return this.limiter.consume(checks).then((result) => this.answer(reply, dialect, result));
  }

  private answer(reply: FastifyReply, dialect: Dialect, result: RateLimitResult): boolean {
    void reply.headers(rateLimitHeaders(result));
    if (!result.allowed) {
      this.metrics.rateLimitRefused(result.tightest.policy.name, dialect);
      throw rateLimitExceeded(dialect, result.tightest);
    }
    return true;
  }
}
