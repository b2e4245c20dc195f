import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpamWindow } from './spam-window';

describe('spam window', () => {
  const rule = { messages: 5, windowMs: 5_000 };

  it('given 5 messages within 5 s, then the fifth trips the rule, and only the fifth', () => {
    const window = new SpamWindow(rule);
    const tripped = [0, 1_000, 2_000, 3_000, 4_000].map((t) => window.count('g:alice', t));
    assert.deepEqual(tripped, [false, false, false, false, true]);
  });

  it('given 5 messages spread over more than 5 s, then nothing trips', () => {
    const window = new SpamWindow(rule);
    const tripped = [0, 1_250, 2_500, 3_750, 5_000, 6_250].map((t) => window.count('g:alice', t));
    assert.deepEqual(tripped, [false, false, false, false, false, false]);
  });

  it('given a tripped rule, then counting starts afresh: a burst trips once', () => {
    const window = new SpamWindow(rule);
    const tripped = Array.from({ length: 9 }, (_, i) => window.count('g:alice', i * 10));
    assert.deepEqual(tripped, [false, false, false, false, true, false, false, false, false]);
    assert.equal(window.count('g:alice', 100), true, 'the tenth message is the fifth of a new burst');
  });

  it('counts each member on their own', () => {
    const window = new SpamWindow(rule);
    for (let i = 0; i < 4; i++) {
      assert.equal(window.count('g:alice', i), false);
      assert.equal(window.count('g:bob', i), false);
    }
    assert.equal(window.count('g:bob', 5), true);
    assert.equal(window.count('g:carol', 5), false);
  });

  it('given many members who went quiet, then they are forgotten', () => {
    const window = new SpamWindow(rule);
    for (let i = 0; i < 5_000; i++) window.count(`g:${i}`, 0);
    assert.equal(window.size, 5_000);
    for (let i = 0; i < 5_000; i++) window.count('g:talker', 10_000 + i * 2_000);
    assert.ok(window.size <= 1, `still remembers ${window.size} members`);
  });

  it('refuses a rule that cannot trip', () => {
    assert.throws(() => new SpamWindow({ messages: 0, windowMs: 1_000 }), RangeError);
    assert.throws(() => new SpamWindow({ messages: 5, windowMs: 0 }), RangeError);
  });
});
