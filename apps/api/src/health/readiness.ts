/** What readiness reads of one projection (a ProjectionStatus). */
export interface ProjectionProgress {
  readonly name: string;
  readonly lag: number | null;
  readonly caughtUp: boolean;
  readonly lastError: string | null;
}

/**
 * Why a projection keeps the process from serving reads, or null when it may: a projection that
 * failed, or one more than `maxLag` events behind the store's head that has not caught up live.
 */
export function projectionNotReady(status: ProjectionProgress, maxLag: number): string | null {
  if (status.lastError) return `failed: ${status.lastError}`;
  if (status.caughtUp || (status.lag !== null && status.lag <= maxLag)) return null;
  return status.lag === null
    ? 'the store head is unknown'
    : `${status.lag} events behind (at most ${maxLag})`;
}
