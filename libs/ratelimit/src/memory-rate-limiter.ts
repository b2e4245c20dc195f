import { assertChecks, decide, evaluate, fits } from './gcra';
import { bucketId, emissionIntervalUs, type RateLimitCheck, type RateLimitResult } from './policy';
import { RateLimiter } from './rate-limiter';

/** Options of {@link MemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Epoch milliseconds; the default for `nowMs` and the clock of the background sweep. Default `Date.now`. */
  readonly clock?: () => number;
  /** How often the background sweep runs, in ms; 0 turns it off. Default 10,000. */
  readonly sweepIntervalMs?: number;
}

// Every OPS_PER_SLICE requests, look at SLICE entries: two per request on average, so a flood of new
// keys is examined faster than it grows and the map stays near the number of keys live in one window.
const OPS_PER_SLICE = 64;
const SLICE = 128;
// The timer covers the case where traffic stops; a bounded slice per tick keeps each pause short.
const TIMER_SLICE = 100_000;

/**
 * GCRA limits kept in this process: one number per live bucket in a `Map`. A bucket whose theoretical
 * arrival time has passed is full, so it is indistinguishable from a missing one and gets evicted by an
 * incremental sweep (a slice every few requests, and one unref'd timer for when traffic stops).
 */
export class MemoryRateLimiter extends RateLimiter {
  private readonly tats = new Map<string, number>();
  private readonly clock: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private cursor: MapIterator<[string, number]> | undefined;
  private ops = 0;

  constructor(options: MemoryRateLimiterOptions = {}) {
    super();
    this.clock = options.clock ?? Date.now;
    const every = options.sweepIntervalMs ?? 10_000;
    if (every > 0) {
      this.timer = setInterval(() => this.sweep(this.clock(), TIMER_SLICE), every);
      this.timer.unref();
    }
  }

  /** Buckets currently held (those not known to be full). */
  get size(): number {
    return this.tats.size;
  }

  override async consume(checks: readonly RateLimitCheck[], nowMs?: number): Promise<RateLimitResult> {
    return this.consumeSync(checks, nowMs);
  }

  /** {@link RateLimiter.consume} without the promise: the in-process hot path. */
  consumeSync(checks: readonly RateLimitCheck[], nowMs: number = this.clock()): RateLimitResult {
    if (++this.ops >= OPS_PER_SLICE) {
      this.ops = 0;
      this.sweep(nowMs, SLICE);
    }
    const nowUs = Math.round(nowMs * 1000);
    return checks.length === 1 ? this.consumeOne(checks[0], nowUs) : this.consumeAll(checks, nowUs);
  }

  /**
   * Forgets buckets that are full again at `nowMs`. Examines at most `maxEntries` entries, and at most as
   * many as the map holds, continuing from where the last sweep stopped. Returns how many it evicted.
   */
  sweep(nowMs: number = this.clock(), maxEntries = Number.POSITIVE_INFINITY): number {
    const nowUs = Math.round(nowMs * 1000);
    const budget = Math.min(maxEntries, this.tats.size);
    let evicted = 0;
    for (let examined = 0; examined < budget; examined++) {
      this.cursor ??= this.tats.entries();
      let next = this.cursor.next();
      if (next.done) {
        // Wrap around: the entries before the cursor have not been looked at in this pass.
        this.cursor = this.tats.entries();
        next = this.cursor.next();
        if (next.done) break;
      }
      // Deleting the entry just returned is safe for a live Map iterator.
      if (next.value[1] <= nowUs) {
        this.tats.delete(next.value[0]);
        evicted++;
      }
    }
    return evicted;
  }

  override async close(): Promise<void> {
    clearInterval(this.timer);
  }

  // The common single-policy request, without the arrays the general case needs.
  private consumeOne(check: RateLimitCheck, nowUs: number): RateLimitResult {
    const interval = emissionIntervalUs(check.policy);
    const id = bucketId(check);
    const stored = this.tats.get(id);
    const base = stored === undefined || stored < nowUs ? nowUs : stored;
    const allowed = fits(base, interval, check.policy.limit, nowUs);
    if (allowed) this.tats.set(id, base + interval);
    const decision = decide(check, base, nowUs, allowed, allowed);
    return { allowed, decisions: [decision], tightest: decision };
  }

  private consumeAll(checks: readonly RateLimitCheck[], nowUs: number): RateLimitResult {
    assertChecks(checks);
    const ids = checks.map(bucketId);
    const bases: number[] = [];
    for (let i = 0; i < checks.length; i++) {
      // A bucket named twice in one request is charged twice: the later check sees the earlier's TAT.
      const earlier = i === 0 ? -1 : ids.lastIndexOf(ids[i], i - 1);
      const stored =
        earlier >= 0 ? bases[earlier] + emissionIntervalUs(checks[earlier].policy) : this.tats.get(ids[i]);
      bases.push(stored === undefined || stored < nowUs ? nowUs : stored);
    }
    const result = evaluate(checks, bases, nowUs);
    if (result.allowed) {
      for (let i = 0; i < checks.length; i++)
        this.tats.set(ids[i], bases[i] + emissionIntervalUs(checks[i].policy));
    }
    return result;
  }
}
