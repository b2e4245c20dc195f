import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TrackSourcesBusyError } from '../resolver-errors';
import { ProbeLimiter } from './probe-limiter';

/** A task that runs until its slot's deadline aborts it, as a probe of a URL that never answers does. */
const hang = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))));

const busy = (status: number) => (error: unknown) =>
  error instanceof TrackSourcesBusyError && error.status === status && error.retryAfterSec >= 1;

describe('ProbeLimiter', () => {
  it('given more tasks than slots, when run, then at most `concurrency` run at once and the rest wait their turn', async () => {
    const limiter = new ProbeLimiter({ concurrency: 2, queue: 10, perCaller: 10, timeoutMs: 5_000 });
    let running = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return 'done';
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => limiter.run('k', task)));
    assert.deepEqual(results, Array(6).fill('done'));
    assert.equal(peak, 2);
    assert.equal(limiter.stats().peak, 2);
  });

  it('given one caller over its share, when it asks again, then 429; another caller still gets in', async () => {
    const limiter = new ProbeLimiter({ concurrency: 1, queue: 10, perCaller: 2, timeoutMs: 200 });
    const held = [limiter.run('a', hang), limiter.run('a', hang)];
    await assert.rejects(limiter.run('a', hang), busy(429));
    const other = limiter.run('b', hang);
    await Promise.allSettled([...held, other]);
    assert.equal(limiter.stats().running, 0);
  });

  it('given the slots and the queue full, when another caller asks, then 503', async () => {
    const limiter = new ProbeLimiter({ concurrency: 1, queue: 1, perCaller: 5, timeoutMs: 200 });
    const held = [limiter.run('a', hang), limiter.run('b', hang)];
    await assert.rejects(limiter.run('c', hang), busy(503));
    await Promise.allSettled(held);
  });

  it('given a task that never ends by itself, when its deadline passes, then it is aborted and the next one runs', async () => {
    const limiter = new ProbeLimiter({ concurrency: 1, queue: 1, perCaller: 5, timeoutMs: 100 });
    let firstAborted = false;
    const first = limiter.run('a', (signal) => {
      signal.addEventListener('abort', () => (firstAborted = true));
      return hang(signal);
    });
    // The second runs only once the first's deadline aborted it and freed the slot, not by a clock reading.
    const second = limiter.run('a', async () => firstAborted);
    await assert.rejects(first, /stopped/);
    assert.equal(await second, true);
    assert.deepEqual(limiter.stats(), { running: 0, waiting: 0, peak: 1 });
  });
});
