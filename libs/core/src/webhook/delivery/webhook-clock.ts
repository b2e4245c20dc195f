/** A scheduled callback that can be called off. */
export interface ClockTimer {
  cancel(): void;
}

/**
 * The dispatcher's sense of time: when an attempt happens and when the next retry is due. Injected
 * so a test can walk through three days of retries without waiting (the request timeout itself stays
 * real time: it bounds a socket, not a schedule).
 */
export interface WebhookClock {
  now(): number;
  setTimer(delayMs: number, callback: () => void): ClockTimer;
}

export const systemClock: WebhookClock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    // setTimeout overflows past ~24.8 days; retries are at most a day apart.
    const timer = setTimeout(callback, Math.max(0, Math.min(delayMs, 2 ** 31 - 1)));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Injection token of the dispatcher's clock (the system clock unless a test provides another). */
export const WEBHOOK_CLOCK = Symbol('WEBHOOK_CLOCK');
