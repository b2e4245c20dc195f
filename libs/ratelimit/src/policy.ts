/** A limit of `limit` requests per `windowSeconds`, e.g. `{ name: 'hourly', limit: 100, windowSeconds: 3600 }`. */
export interface RateLimitPolicy {
  /** Names the bucket together with the check's key, and appears in the `RateLimit*` headers. */
  readonly name: string;
  /** Requests allowed in a burst from a fresh key, and per window on average. A positive integer. */
  readonly limit: number;
  /** A positive whole number of seconds (the IETF `w` parameter has no sub-second precision). */
  readonly windowSeconds: number;
}

/** One limit to apply to a request: the policy and the caller-namespaced key, e.g. `hush:server:123456`. */
export interface RateLimitCheck {
  readonly key: string;
  readonly policy: RateLimitPolicy;
}

/** What one check says about a request. */
export interface RateLimitDecision {
  readonly policy: RateLimitPolicy;
  /** This policy had room. In a refused request nothing is consumed, even from a policy that had room. */
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests that would still pass right now, after this one if it was consumed; 0…limit. */
  readonly remaining: number;
  /** Epoch seconds at which the bucket is full again (`limit` requests would pass at once). */
  readonly resetAt: number;
  /** 0 when allowed; otherwise whole seconds (≥ 1) until a request would pass this policy. */
  readonly retryAfterSeconds: number;
  /**
   * Whole seconds (≥ 1) until one more request's worth of quota comes back; until then at most
   * `remaining` requests pass. The IETF effective window `t`; equals `retryAfterSeconds` when refused.
   */
  readonly refillSeconds: number;
}

/** The verdict on a whole request: allowed only when every check allows it. */
export interface RateLimitResult {
  readonly allowed: boolean;
  /** One per check, in the order of the checks. */
  readonly decisions: readonly RateLimitDecision[];
  /** The decision response headers describe: the refusing one with the longest wait, else the fewest remaining. */
  readonly tightest: RateLimitDecision;
  /** Set when the counter store failed and the request was let through unchecked. */
  readonly failedOpen?: boolean;
}

/** Thrown for a policy that cannot be enforced or advertised (bad number, or a name unfit for a header). */
export class InvalidRateLimitPolicyError extends Error {
  override readonly name = 'InvalidRateLimitPolicyError';
}

// A name that needs no escaping inside a Structured Fields string and contains no ':', so that
// `${name}:${key}` can never make two different buckets collide.
const POLICY_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const MICROS_PER_SECOND = 1_000_000;

// Policies are usually module constants, so validating once per object keeps the hot path to one lookup.
const intervals = new WeakMap<RateLimitPolicy, number>();

/**
 * The GCRA emission interval T of a policy in whole microseconds (window / limit, rounded down), after
 * checking the policy. Rounding down keeps every later comparison in exact integer arithmetic and keeps
 * the burst at exactly `limit`; the window effectively shrinks by less than `limit` microseconds.
 */
export function emissionIntervalUs(policy: RateLimitPolicy): number {
  const cached = intervals.get(policy);
  if (cached !== undefined) return cached;
  const { name, limit, windowSeconds } = policy;
  if (typeof name !== 'string' || !POLICY_NAME.test(name)) {
    throw new InvalidRateLimitPolicyError(
      `policy name must be 1-64 characters of A-Z a-z 0-9 _ . -, got ${JSON.stringify(name)}`,
    );
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new InvalidRateLimitPolicyError(`policy "${name}": limit must be a positive integer, got ${limit}`);
  }
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) {
    throw new InvalidRateLimitPolicyError(
      `policy "${name}": windowSeconds must be a positive integer, got ${windowSeconds}`,
    );
  }
  const interval = Math.floor((windowSeconds * MICROS_PER_SECOND) / limit);
  if (interval < 1) {
    throw new InvalidRateLimitPolicyError(`policy "${name}": more than one request per microsecond`);
  }
  intervals.set(policy, interval);
  return interval;
}

/** The storage name of a check's bucket: the policy name scopes the key, so one key can carry several policies. */
export function bucketId(check: RateLimitCheck): string {
  return `${check.policy.name}:${check.key}`;
}
