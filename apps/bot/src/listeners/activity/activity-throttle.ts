/**
 * At most one activity per member of a guild per window: message events are a firehose, and
 * analytics only need to know that a member was active, not how often. Windows are aligned on
 * epoch time, so a window's number also names the fact (the same member, guild and window give the
 * same event id, and the store writes it once, even after a restart forgot this throttle).
 * Pure: time comes in as an argument. Memory: the members active in the current window.
 */
export class ActivityThrottle {
  private window = -1;
  private seen = new Set<string>();

  constructor(private readonly windowMs: number) {}

  /** The window number when this member's activity is to be recorded now, otherwise undefined. */
  admit(guildId: string, userId: string, now: number): number | undefined {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.window) {
      // A new window: who was active in the last one no longer matters.
      this.window = window;
      this.seen = new Set();
    }
    const key = `${guildId}:${userId}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    return window;
  }
}
