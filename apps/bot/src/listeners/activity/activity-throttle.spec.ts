import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ActivityThrottle } from './activity-throttle';

const WINDOW = 300_000;

describe('ActivityThrottle', () => {
  it('given a member who spoke, when they speak again in the same window, then only the first is admitted', () => {
    const throttle = new ActivityThrottle(WINDOW);
    assert.equal(throttle.admit('1', '42', 10), 0);
    assert.equal(throttle.admit('1', '42', WINDOW - 1), undefined);
  });

  it('given a member admitted, when the next window starts, then they are admitted again with its number', () => {
    const throttle = new ActivityThrottle(WINDOW);
    throttle.admit('1', '42', 10);
    assert.equal(throttle.admit('1', '42', WINDOW + 5), 1);
  });

  it('given one member, then each guild counts them on its own, and other members are not held back', () => {
    const throttle = new ActivityThrottle(WINDOW);
    assert.equal(throttle.admit('1', '42', 10), 0);
    assert.equal(throttle.admit('2', '42', 11), 0);
    assert.equal(throttle.admit('1', '43', 12), 0);
  });
});
