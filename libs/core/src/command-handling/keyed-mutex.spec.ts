import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedMutex', () => {
  it('given tasks on one key, then they run one at a time in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([mutex.run('a', task('1')), mutex.run('a', task('2'))]);
    assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('given tasks on different keys, then they overlap', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([mutex.run('a', task('a')), mutex.run('b', task('b'))]);
    assert.deepEqual(log.slice(0, 2).sort(), ['start a', 'start b']);
  });

  it('given a failing task, then the next one still runs and the failure reaches its caller only', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('a', () => Promise.reject(new Error('boom')));
    const next = mutex.run('a', async () => 'ran');
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'ran');
  });

  it('given every queue drained, then no key is kept', async () => {
    const mutex = new KeyedMutex();
    await Promise.all([1, 2, 3].map((n) => mutex.run(`k${n}`, async () => n)));
    await tick();
    assert.equal(mutex.activeKeys, 0);
  });
});
