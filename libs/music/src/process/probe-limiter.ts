import type { ProbeLimits } from '#config';
import { TrackSourcesBusyError } from '#domain';

export const DEFAULT_PROBE_LIMITS: ProbeLimits = {
  concurrency: 4,
  queue: 32,
  perCaller: 4,
  timeoutMs: 15_000,
};

interface Waiter {
  readonly start: () => void;
}

/**
 * Bounds resolving work (fetching a URL to read its tags, running yt-dlp): at most `concurrency`
 * run at once, `queue` more wait in order, one caller holds at most `perCaller` of them; past
 * that the caller hears 429 (its own share) or 503 (the process's), with when to retry. Each task
 * gets a signal that aborts after `timeoutMs`; tasks kill their child process on it, so a URL
 * that never answers holds its slot for the timeout at most.
 */
export class ProbeLimiter {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly perCaller = new Map<string, number>();
  private peak = 0;

  constructor(readonly limits: ProbeLimits = DEFAULT_PROBE_LIMITS) {}

  /** Tasks running now, and the most that ever ran at once (health, tests). */
  stats(): { running: number; waiting: number; peak: number } {
    return { running: this.running, waiting: this.waiting.length, peak: this.peak };
  }

  async run<T>(caller: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { concurrency, queue, perCaller, timeoutMs } = this.limits;
    const retryAfterSec = Math.max(1, Math.ceil(timeoutMs / 1000));
    const held = this.perCaller.get(caller) ?? 0;
    if (held >= perCaller) {
      throw new TrackSourcesBusyError(
        `${perCaller} track lookups of yours are already in progress; retry when one has finished`,
        429,
        retryAfterSec,
      );
    }
    if (this.running >= concurrency && this.waiting.length >= queue) {
      throw new TrackSourcesBusyError(
        'too many track lookups are in progress; retry shortly',
        503,
        retryAfterSec,
      );
    }
    this.perCaller.set(caller, held + 1);
    try {
      if (this.running >= concurrency) await new Promise<void>((start) => this.waiting.push({ start }));
      else this.running++;
      this.peak = Math.max(this.peak, this.running);
      return await task(AbortSignal.timeout(timeoutMs));
    } finally {
      this.release(caller);
    }
  }

  private release(caller: string): void {
    const held = (this.perCaller.get(caller) ?? 1) - 1;
    if (held > 0) this.perCaller.set(caller, held);
    else this.perCaller.delete(caller);
    // The slot passes straight to the next waiter, so `running` never dips and a newcomer cannot jump the queue.
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }
}
