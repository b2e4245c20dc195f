import { BucketTable } from './bucket-table';
import { assertChecks, decide, evaluate, fits } from './gcra';
import { emissionIntervalUs, type RateLimitCheck, type RateLimitResult } from './policy';
import { RateLimiter } from './rate-limiter';

/** Options of {@link MemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Epoch milliseconds; the default for `nowMs` and the clock of the background sweep. Default `Date.now`. */
  readonly clock?: () => number;
  /** How often the background sweep runs, in ms; 0 turns it off. Default 10,000. */
  readonly sweepIntervalMs?: number;
}

// Every OPS_PER_SLICE requests, look at SLICE entries: two per request on average, so a flood of new
// keys is examined faster than it grows and the table stays near the number of keys live in one window.
const OPS_PER_SLICE = 64;
const SLICE = 128;
// The timer covers the case where traffic stops; a bounded slice per tick keeps each pause short.
const TIMER_SLICE = 100_000;

/**
 * GCRA limits kept in this process: one number per live bucket. A bucket whose theoretical arrival time
 * has passed is full, so it is indistinguishable from a missing one and gets evicted by an incremental
 * sweep (a slice every few requests, and one unref'd timer for when traffic stops).
 */
export class MemoryRateLimiter extends RateLimiter {
  private readonly table = new BucketTable();
  private readonly clock: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
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
    return this.table.size;
  }

  override async consume(checks: readonly RateLimitCheck[], nowMs?: number): Promise<RateLimitResult> {
    return this.consumeSync(checks, nowMs);
  }

  /** {@link RateLimiter.consume} without the promise: the in-process hot path. */
  consumeSync(checks: readonly RateLimitCheck[], nowMs: number = this.clock()): RateLimitResult {
    const nowUs = Math.round(nowMs * 1000);
    if (++this.ops >= OPS_PER_SLICE) {
      this.ops = 0;
      this.table.sweep(nowUs, SLICE);
    }
    return checks.length === 1 ? this.consumeOne(checks[0], nowUs) : this.consumeAll(checks, nowUs);
  }

  /**
   * Forgets buckets that are full again at `nowMs`. Examines at most `maxEntries` entries, and at most as
   * many as the limiter holds, continuing from where the last sweep stopped. Returns how many it evicted.
   */
  sweep(nowMs: number = this.clock(), maxEntries = Number.POSITIVE_INFINITY): number {
    return this.table.sweep(Math.round(nowMs * 1000), Math.min(maxEntries, this.table.size));
  }

  override async close(): Promise<void> {
    clearInterval(this.timer);
  }

  // The common single-policy request, without the arrays the general case needs.
  private consumeOne(check: RateLimitCheck, nowUs: number): RateLimitResult {
    const policy = check.policy;
    const interval = emissionIntervalUs(policy);
    const slots = this.table.of(policy.name);
    const slot = slots.get(check.key);
    const stored = slot === undefined ? nowUs : this.table.tats[slot];
    const base = stored < nowUs ? nowUs : stored;
    const allowed = fits(base, interval, policy.limit, nowUs);
    if (allowed) {
      if (slot === undefined) this.table.add(slots, check.key, base + interval);
      else this.table.tats[slot] = base + interval;
    }
    const decision = decide(policy, interval, base, nowUs, allowed, allowed);
    return { allowed, decisions: [decision], tightest: decision };
  }

  private consumeAll(checks: readonly RateLimitCheck[], nowUs: number): RateLimitResult {
    assertChecks(checks);
    const tables = checks.map((check) => this.table.of(check.policy.name));
    const bases: number[] = [];
    for (let i = 0; i < checks.length; i++) {
      const slot = tables[i].get(checks[i].key);
      let stored = slot === undefined ? nowUs : this.table.tats[slot];
      // A bucket named twice in one request is charged twice: the later check sees the earlier's TAT.
      for (let j = 0; j < i; j++) {
        if (tables[j] === tables[i] && checks[j].key === checks[i].key) {
          stored = bases[j] + emissionIntervalUs(checks[j].policy);
        }
      }
      bases.push(stored < nowUs ? nowUs : stored);
    }
    const result = evaluate(checks, bases, nowUs);
    if (!result.allowed) return result;
    for (let i = 0; i < checks.length; i++) {
      const tat = bases[i] + emissionIntervalUs(checks[i].policy);
      const slot = tables[i].get(checks[i].key);
      if (slot === undefined) this.table.add(tables[i], checks[i].key, tat);
      else this.table.tats[slot] = tat;
    }
    return result;
  }
}
