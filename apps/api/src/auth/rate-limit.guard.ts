import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { RateLimiter, rateLimitHeaders } from '#ratelimit';
import type { RequestWithPrincipal } from '../common/request-context';
import { rateLimitChecks, ROUTE_LIMIT, type RouteLimit } from './rate-limit.policies';
import { rateLimitExceeded } from './rate-limit-exceeded';

/**
 * Runs after the key guard: counts the request against every limit that applies and writes the
 * rate-limit headers onto the reply, so they are on every response, errors and 429s included.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithPrincipal>();
    const dialect = request.dialect ?? 'canonical';
    const checks = rateLimitChecks({
      dialect,
      params: request.params as Record<string, string | undefined>,
      ip: request.ip,
      key: request.principal?.key,
      routeLimit: this.reflector.getAllAndOverride<RouteLimit>(ROUTE_LIMIT, [
        context.getHandler(),
        context.getClass(),
      ]),
    });
    if (checks.length === 0) return true;
    const result = await this.limiter.consume(checks);
    const reply = http.getResponse<FastifyReply>();
    for (const [name, value] of Object.entries(rateLimitHeaders(result))) void reply.header(name, value);
    if (!result.allowed) throw rateLimitExceeded(dialect, result.tightest);
    return true;
  }
}
