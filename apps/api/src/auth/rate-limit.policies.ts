import { SetMetadata } from '@nestjs/common';
import type { RateLimitCheck, RateLimitPolicy } from '#ratelimit';
import type { ApiKeyPrincipal } from '#core';
import type { Dialect } from './dialect';

type Tier = ApiKeyPrincipal['tier'];

/** Hexify's documented tiers; the account budget every Bearer dialect but BotNexus draws on. */
export const ACCOUNT_POLICIES: Readonly<Record<Tier, RateLimitPolicy>> = {
  free: { name: 'hourly', limit: 100, windowSeconds: 3600 },
  premium: { name: 'hourly', limit: 1_000, windowSeconds: 3600 },
  enterprise: { name: 'hourly', limit: 10_000, windowSeconds: 3600 },
};
/** Hush: 60 requests per minute per server. */
export const HUSH_POLICY: RateLimitPolicy = { name: 'per-server', limit: 60, windowSeconds: 60 };
/** BotNexus: 120 per minute on standard (our free and premium) tiers, 500 for enterprise partners. */
export const BOTNEXUS_POLICIES: Readonly<Record<Tier, RateLimitPolicy>> = {
  free: { name: 'per-minute', limit: 120, windowSeconds: 60 },
  premium: { name: 'per-minute', limit: 120, windowSeconds: 60 },
  enterprise: { name: 'per-minute', limit: 500, windowSeconds: 60 },
};
/** Elixir documents no limit for its open reads; ours keeps one client from starving the rest. */
export const ELIXIR_READ_POLICY: RateLimitPolicy = { name: 'per-client', limit: 300, windowSeconds: 60 };

/** A route's own limit, counted per value of a route parameter (Bots on Discord: per bot). */
export interface RouteLimit {
  readonly policy: RateLimitPolicy;
  readonly perParam: string;
}

export const ROUTE_LIMIT = 'guildhall:route-limit';
export const RouteRateLimit = (policy: RateLimitPolicy, perParam: string) =>
  SetMetadata(ROUTE_LIMIT, { policy, perParam } satisfies RouteLimit);

export interface LimitedRequest {
  readonly dialect: Dialect;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly ip: string;
  readonly key: ApiKeyPrincipal | undefined;
  readonly routeLimit: RouteLimit | undefined;
}

/** Every limit that applies to one request; all are enforced, the headers describe the tightest. */
export function rateLimitChecks(request: LimitedRequest): RateLimitCheck[] {
  const { dialect, params, key, routeLimit } = request;
  const checks: RateLimitCheck[] = [];
  if (routeLimit) {
    const subject = params[routeLimit.perParam] ?? '-';
    checks.push({
      key: `${dialect}:${routeLimit.policy.name}:${routeLimit.perParam}:${subject}`,
      policy: routeLimit.policy,
    });
  }
  if (!key) {
    if (checks.length === 0 && dialect === 'elixir') {
      checks.push({ key: `elixir:ip:${request.ip}`, policy: ELIXIR_READ_POLICY });
    }
    return checks;
  }
  switch (dialect) {
    case 'bod':
      return checks;
    case 'botnexus':
      return [...checks, { key: `botnexus:key:${key.keyId}`, policy: BOTNEXUS_POLICIES[key.tier] }];
    case 'hush':
      // Server routes carry their per-server limit as a route limit; the rest count per key.
      if (!routeLimit) checks.push({ key: `hush:key:${key.keyId}`, policy: HUSH_POLICY });
      break;
    default:
      break;
  }
  checks.push({ key: `account:${key.keyId}`, policy: ACCOUNT_POLICIES[key.tier] });
  return checks;
}
