import type { ClockTimer, WebhookClock } from '../webhook-clock';

/** A clock that moves only when told: three days of retries in a few milliseconds of test. */
export class ManualClock implements WebhookClock {
  private timers: { at: number; callback: () => void; cancelled: boolean }[] = [];

  constructor(private time = Date.now()) {}

  now(): number {
    return this.time;
  }

  setTimer(delayMs: number, callback: () => void): ClockTimer {
    const timer = { at: this.time + delayMs, callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Moves time forward and fires every timer that came due, in order. */
  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => !t.cancelled && t.at <= this.time).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => !due.includes(t) && !t.cancelled);
    for (const timer of due) timer.callback();
  }

  /** Moves time to `at` (no-op when already past it). */
  advanceTo(at: number): void {
    this.advance(Math.max(0, at - this.time));
  }
}
