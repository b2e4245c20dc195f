import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OnlineSampler } from './online-sampler';

const MINUTE = 60_000;
const GUILD = '100';

describe('OnlineSampler', () => {
  const seeded = () => {
    const sampler = new OnlineSampler(5 * MINUTE);
    sampler.seed(GUILD, ['1', '2'], 0);
    return sampler;
  };

  it('given a seeded guild, when nothing changed, then no sample is due, however long it waits', () => {
    assert.deepEqual(seeded().takeDue(60 * MINUTE), []);
  });

  it('given presences that changed the count, when the interval has not passed, then nothing is due yet', () => {
    const sampler = seeded();
    sampler.update(GUILD, '3', true);
    assert.deepEqual(sampler.takeDue(4 * MINUTE), []);
    assert.equal(sampler.liveCount(GUILD), 3);
  });

  it('given a burst of presences, when the interval passes, then one sample carries the count at that moment', () => {
    const sampler = seeded();
    for (let i = 0; i < 10_000; i++) sampler.update(GUILD, String(i % 50), i % 3 !== 0);
    const live = sampler.liveCount(GUILD);
    assert.deepEqual(sampler.takeDue(5 * MINUTE), [{ guildId: GUILD, onlineCount: live }]);
    assert.deepEqual(sampler.takeDue(5 * MINUTE), [], 'taken once');
  });

  it('given a sample just taken, when the count moves again, then the next waits a whole interval', () => {
    const sampler = seeded();
    sampler.update(GUILD, '3', true);
    sampler.takeDue(5 * MINUTE);
    sampler.update(GUILD, '4', true);
    assert.deepEqual(sampler.takeDue(9 * MINUTE), []);
    assert.deepEqual(sampler.takeDue(10 * MINUTE), [{ guildId: GUILD, onlineCount: 4 }]);
  });

  it('given a count that moved and came back, when the interval passes, then nothing is due', () => {
    const sampler = seeded();
    sampler.update(GUILD, '3', true);
    sampler.update(GUILD, '3', false);
    assert.deepEqual(sampler.takeDue(5 * MINUTE), []);
  });

  it('given a change, when forced (shutdown), then it is due before the interval', () => {
    const sampler = seeded();
    sampler.update(GUILD, '1', false);
    assert.deepEqual(sampler.takeDue(1, true), [{ guildId: GUILD, onlineCount: 1 }]);
  });

  it('given presences of a guild never seeded or forgotten, then they are ignored', () => {
    const sampler = seeded();
    sampler.forget(GUILD);
    sampler.update(GUILD, '9', true);
    sampler.update('200', '9', true);
    assert.equal(sampler.liveCount(GUILD), undefined);
    assert.deepEqual(sampler.takeDue(60 * MINUTE), []);
  });
});
