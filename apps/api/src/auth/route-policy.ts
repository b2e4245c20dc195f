import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_RULES, type AccessRule } from './access.decorators';
import { DIALECT, type Dialect } from './dialect';
import { ROUTE_LIMIT, type RouteLimit } from './rate-limit.policies';

/** Everything the guards need to know about a route, read from its decorators. */
export interface RoutePolicy {
  readonly dialect: Dialect;
  readonly rules: readonly AccessRule[];
  readonly routeLimit: RouteLimit | undefined;
}

// Decorator metadata never changes after start-up; reading it through Reflect on every request
// showed up in profiles, so it is read once per route handler.
const cache = new WeakMap<object, RoutePolicy>();

export function routePolicy(reflector: Reflector, context: ExecutionContext): RoutePolicy {
  const handler = context.getHandler();
  let policy = cache.get(handler);
  if (!policy) {
    const targets = [handler, context.getClass()];
    policy = {
      dialect: reflector.getAllAndOverride<Dialect>(DIALECT, targets) ?? 'canonical',
      rules: reflector.getAllAndOverride<AccessRule[]>(ACCESS_RULES, targets) ?? [],
      routeLimit: reflector.getAllAndOverride<RouteLimit>(ROUTE_LIMIT, targets),
    };
    cache.set(handler, policy);
  }
  return policy;
}
