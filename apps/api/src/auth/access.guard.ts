import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { RequestWithPrincipal } from '../common/request-context';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { routePolicy } from './route-policy';

/**
 * The one global guard: identify the caller and check its rights, then count the request. One guard
 * rather than two saves Nest a promise per request on the hottest path, and the route's policy, the
 * request and the reply are looked up once for both halves.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyGuard,
    private readonly limits: RateLimitGuard,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    // Global guards also run before the Discord door's Necord handlers in a process that opens both
    // doors; those are not HTTP requests and check Discord permissions themselves.
    if (context.getType() !== 'http') return true;
    const policy = routePolicy(this.reflector, context);
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithPrincipal>();
    this.keys.authorize(request, policy);
    return this.limits.count(request, http.getResponse<FastifyReply>(), policy);
  }
}
