/** Spam protection's rule: `messages` messages from one member within `windowMs` milliseconds. */
export interface SpamRule {
  readonly messages: number;
  readonly windowMs: number;
}

/**
 * Counts each member's recent messages in memory, never in the event store: only a tripped rule is
 * worth recording. Keeps at most `messages − 1` times per member, and forgets quiet members in a
 * sweep whose cost is spread over the messages counted, so memory follows the members active
 * within one window.
 */
export class SpamWindow {
  private readonly recent = new Map<string, number[]>();
  private countedSinceSweep = 0;

  constructor(readonly rule: SpamRule) {
    if (!Number.isInteger(rule.messages) || rule.messages < 1) throw new RangeError('messages must be ≥ 1');
    if (!(rule.windowMs > 0)) throw new RangeError('windowMs must be > 0');
  }

  /**
   * Counts one message of `member` sent at `atMs`. True when it is the `messages`-th within the
   * window: the member's count then starts afresh, so one burst trips the rule once.
   */
  count(member: string, atMs: number): boolean {
    this.sweepNowAndThen(atMs);
    const times = (this.recent.get(member) ?? []).filter((t) => atMs - t < this.rule.windowMs);
    times.push(atMs);
    if (times.length >= this.rule.messages) {
      this.recent.delete(member);
      return true;
    }
    this.recent.set(member, times);
    return false;
  }

  /** Members with messages still counted. */
  get size(): number {
    return this.recent.size;
  }

  private sweepNowAndThen(atMs: number): void {
    if (++this.countedSinceSweep < Math.max(1_024, this.recent.size)) return;
    this.countedSinceSweep = 0;
    for (const [member, times] of this.recent) {
      if (atMs - times[times.length - 1] >= this.rule.windowMs) this.recent.delete(member);
    }
  }
}
