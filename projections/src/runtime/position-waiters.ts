interface Waiter {
  readonly position: number;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/** Promises that resolve when a checkpoint reaches a position, or false on timeout or shutdown. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  wait(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle((w) => w.timer === timer, false), timeoutMs);
      this.waiters.push({ position, resolve, timer });
    });
  }

  reached(position: number): void {
    if (this.waiters.length > 0) this.settle((w) => w.position <= position, true);
  }

  cancelAll(): void {
    this.settle(() => true, false);
  }

  private settle(match: (waiter: Waiter) => boolean, result: boolean): void {
    const settled = this.waiters.filter(match);
    if (settled.length === 0) return;
    this.waiters = this.waiters.filter((w) => !match(w));
    for (const waiter of settled) {
      clearTimeout(waiter.timer);
      waiter.resolve(result);
    }
  }
}
