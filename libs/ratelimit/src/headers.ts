import type { RateLimitResult } from './policy';

/**
 * Response headers for a rate-limited request:
 * - `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (epoch seconds) from the tightest
 *   decision, as the Hexify dialect fixes them;
 * - `RateLimit-Policy` (every applied policy) and `RateLimit` (the tightest) in the format of
 *   draft-ietf-httpapi-ratelimit-headers-11, e.g. `"hourly";q=100;w=3600` and `"hourly";r=95;t=30`. `t` is
 *   the draft's effective window: seconds during which at most `r` requests pass, i.e. until one more
 *   request's worth of quota comes back; so on a refusal it equals `Retry-After`, as the draft asks.
 * - `Retry-After` (seconds) when the request was refused.
 */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const tightest = result.tightest;
  // Lower-case names: HTTP header names are case-insensitive, and servers store them lower-cased anyway.
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(tightest.limit),
    'x-ratelimit-remaining': String(tightest.remaining),
    'x-ratelimit-reset': String(tightest.resetAt),
    'ratelimit-policy': policyList(result),
    // Policy names are restricted to characters that need no escaping in a Structured Fields string.
    ratelimit: `"${tightest.policy.name}";r=${tightest.remaining};t=${tightest.refillSeconds}`,
  };
  if (!result.allowed) headers['retry-after'] = String(tightest.retryAfterSeconds);
  return headers;
}

// The same policies are applied to most requests: their header is built once.
const singlePolicyHeader = new WeakMap<object, string>();

// One member per policy name: the same policy applied to two keys (a key and its server, say) is still
// one policy to the client, which can only tell them apart by name.
function policyList(result: RateLimitResult): string {
  if (result.decisions.length === 1) {
    const { policy } = result.decisions[0];
    let header = singlePolicyHeader.get(policy);
    if (header === undefined) {
      header = `"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`;
      singlePolicyHeader.set(policy, header);
    }
    return header;
  }
  const seen = new Set<string>();
  const members: string[] = [];
  for (const { policy } of result.decisions) {
    if (seen.has(policy.name)) continue;
    seen.add(policy.name);
    members.push(`"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`);
  }
  return members.join(', ');
}
