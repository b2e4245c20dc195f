import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import {
  MemoryRateLimiter,
  RateLimiter,
  rateLimitHeaders,
  type RateLimitCheck,
  type RateLimitResult,
} from '#ratelimit';
import type { RequestWithPrincipal } from '../common/request-context';
import type { Dialect } from './dialect';
import { rateLimitChecks } from './rate-limit.policies';
import { routePolicy } from './route-policy';
import { rateLimitExceeded } from './rate-limit-exceeded';

/**
 * Runs after the key guard: counts the request against every limit that applies and writes the
 * rate-limit headers onto the reply, so they are on every response, errors and 429s included.
 */
const checksByKey = new WeakMap<object, Map<Dialect, RateLimitCheck[]>>();
function memoised(key: object, dialect: Dialect, build: () => RateLimitCheck[]): RateLimitCheck[] {
  let byDialect = checksByKey.get(key);
  if (!byDialect) checksByKey.set(key, (byDialect = new Map()));
  let checks = byDialect.get(dialect);
  if (!checks) byDialect.set(dialect, (checks = build()));
  return checks;
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithPrincipal>();
    const dialect = request.dialect ?? 'canonical';
    const { routeLimit } = routePolicy(this.reflector, context);
    const key = request.principal?.key;
    const build = () =>
      rateLimitChecks({
        dialect,
        params: request.params as Record<string, string | undefined>,
        ip: request.ip,
        key,
        routeLimit,
      });
    // Without a route limit the checks depend only on the key and the dialect: build them once per
    // key, so the limiter is handed the same bucket-key strings (already hashed) on every request.
    const checks = key && !routeLimit ? memoised(key, dialect, build) : build();
    if (checks.length === 0) return true;
    const reply = http.getResponse<FastifyReply>();
    // In memory the answer is immediate: skip the promise on the hot path. Redis is awaited.
    if (this.limiter instanceof MemoryRateLimiter)
      return this.answer(reply, dialect, this.limiter.consumeSync(checks));
    return this.limiter.consume(checks).then((result) => this.answer(reply, dialect, result));
  }

  private answer(reply: FastifyReply, dialect: Dialect, result: RateLimitResult): boolean {
    void reply.headers(rateLimitHeaders(result));
    if (!result.allowed) throw rateLimitExceeded(dialect, result.tightest);
    return true;
  }
}
