import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from './retry-schedule';

describe('retry schedule', () => {
  it('given no jitter, then the delays grow after each failure and span about three days', () => {
    const delays = RETRY_DELAYS_MS.map((_, i) => retryDelayMs(i + 1, () => 0.5)!);
    assert.deepEqual(delays, RETRY_DELAYS_MS);
    for (let i = 1; i < delays.length; i++) assert.ok(delays[i] >= delays[i - 1], `delay ${i} grows`);
    const hours = delays.reduce((a, b) => a + b, 0) / 3_600_000;
    assert.ok(hours > 70 && hours < 80, `${hours} h`);
    assert.equal(MAX_ATTEMPTS, 10);
  });

  it('given the extremes of the random source, then the delay stays within ±20 %', () => {
    assert.equal(
      retryDelayMs(1, () => 0),
      Math.round(5_000 * (1 - JITTER)),
    );
    assert.equal(
      retryDelayMs(1, () => 0.999_999),
      6_000,
    );
  });

  it('given the schedule spent, then null (the endpoint is to be disabled)', () => {
    assert.equal(retryDelayMs(RETRY_DELAYS_MS.length + 1), null);
  });
});
