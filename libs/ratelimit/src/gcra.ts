// GCRA (generic cell rate algorithm) over integer microseconds. A bucket is one number, its theoretical
// arrival time (TAT). A request at `now` costs one emission interval T: it fits when
// max(TAT, now) + T − limit·T ≤ now, and then TAT becomes max(TAT, now) + T. A TAT at or before `now`
// means a full bucket, which is why an idle bucket can simply be forgotten.
import {
  emissionIntervalUs,
  type RateLimitCheck,
  type RateLimitDecision,
  type RateLimitPolicy,
  type RateLimitResult,
} from './policy';

const MICROS_PER_SECOND = 1_000_000;

/** Whether one more request fits, given the TAT before it raised to at least `nowUs`. */
export function fits(baseUs: number, intervalUs: number, limit: number, nowUs: number): boolean {
  return baseUs + intervalUs - intervalUs * limit <= nowUs;
}

/** The decision of one check, from its TAT before the request and whether the request was consumed. */
export function decide(
  policy: RateLimitPolicy,
  interval: number,
  baseUs: number,
  nowUs: number,
  hadRoom: boolean,
  consumed: boolean,
): RateLimitDecision {
  const limit = policy.limit;
  const tatAfter = consumed ? baseUs + interval : baseUs;
  // Quota in hand, in microseconds of emission.
  const slack = nowUs + interval * limit - tatAfter;
  const room = Math.floor(slack / interval);
  // Only after a policy shrank under a live bucket can the room fall outside 0…limit.
  const remaining = room < 0 ? 0 : room > limit ? limit : room;
  return {
    policy,
    allowed: hadRoom,
    limit,
    remaining,
    resetAt: Math.ceil(tatAfter / MICROS_PER_SECOND),
    retryAfterSeconds: hadRoom ? 0 : Math.ceil((interval - slack) / MICROS_PER_SECOND),
    refillSeconds: Math.ceil(((remaining + 1) * interval - slack) / MICROS_PER_SECOND),
  };
}

/** Whether `candidate` should replace `current` as the decision the headers describe. */
function tighter(candidate: RateLimitDecision, current: RateLimitDecision): boolean {
  if (candidate.allowed !== current.allowed) return !candidate.allowed;
  if (!candidate.allowed && candidate.retryAfterSeconds !== current.retryAfterSeconds) {
    return candidate.retryAfterSeconds > current.retryAfterSeconds;
  }
  if (candidate.remaining !== current.remaining) return candidate.remaining < current.remaining;
  return candidate.limit < current.limit;
}

/** The decision response headers should describe (see {@link RateLimitResult.tightest}). */
export function pickTightest(decisions: readonly RateLimitDecision[]): RateLimitDecision {
  let tightest = decisions[0];
  for (let i = 1; i < decisions.length; i++) {
    if (tighter(decisions[i], tightest)) tightest = decisions[i];
  }
  return tightest;
}

/**
 * The all-or-nothing verdict on a request from each bucket's TAT before it (raised to at least `nowUs`;
 * a bucket named twice in one request sees the TAT the first occurrence would leave).
 */
export function evaluate(
  checks: readonly RateLimitCheck[],
  basesUs: readonly number[],
  nowUs: number,
): RateLimitResult {
  const intervals = checks.map((check) => emissionIntervalUs(check.policy));
  const room = checks.map((check, i) => fits(basesUs[i], intervals[i], check.policy.limit, nowUs));
  const allowed = !room.includes(false);
  const decisions = checks.map((c, i) => decide(c.policy, intervals[i], basesUs[i], nowUs, room[i], allowed));
  return { allowed, decisions, tightest: pickTightest(decisions) };
}

/** What a limiter answers when its store is down and it fails open: every bucket looks full. */
export function failOpenResult(checks: readonly RateLimitCheck[], nowMs: number): RateLimitResult {
  const nowUs = Math.round(nowMs * 1000);
  const decisions = checks.map(({ policy }) =>
    decide(policy, emissionIntervalUs(policy), nowUs, nowUs, true, false),
  );
  return { allowed: true, decisions, tightest: pickTightest(decisions), failedOpen: true };
}

/** Rejects a request with no checks: it would have no decision for the headers to describe. */
export function assertChecks(checks: readonly RateLimitCheck[]): void {
  if (checks.length === 0) throw new RangeError('a rate-limited request needs at least one check');
}
