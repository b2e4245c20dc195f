/**
 * Waits after each failed attempt, before the next (Svix's schedule, stretched to about three days):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: ten attempts over 75.6 h (≈ 3.15 days)
 * before the endpoint is disabled. Early retries catch a blip or a deploy, late ones an outage.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

/** ±20 %: endpoints that failed together (one receiver's outage) do not all retry in the same second. */
export const JITTER = 0.2;

/**
 * The wait before attempt `failedAttempts + 1`, or null when the schedule is spent and the endpoint
 * is to be disabled. `random` in [0, 1) is injected so tests can pin the jitter.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** Attempts in all before giving up: the first and one per scheduled retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
