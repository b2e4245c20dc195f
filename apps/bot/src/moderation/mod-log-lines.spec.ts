import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDuration, filteredLine, timedOutLine, welcomeLine } from './mod-log-lines';

describe('mod-log lines', () => {
  it('describes durations in the largest exact unit', () => {
    assert.equal(describeDuration(600), '10 minutes');
    assert.equal(describeDuration(1), '1 second');
    assert.equal(describeDuration(90), '90 seconds');
    assert.equal(describeDuration(7_200), '2 hours');
    assert.equal(describeDuration(28 * 86_400), '28 days');
  });

  it('names the member, the channel and the term of a filtered message', () => {
    assert.equal(
      filteredLine('11', '22', 'bad'),
      '🚫 Removed a message from <@11> in <#22>: it contained the filtered term `bad`.',
    );
  });

  it('keeps a term with a backtick inside its code span', () => {
    assert.match(filteredLine('11', '22', 'a`b'), /`a\\`b`/);
  });

  it('names the member, the duration and the rule of a timeout', () => {
    assert.equal(
      timedOutLine('11', '22', { durationSeconds: 600, messages: 5, windowSeconds: 5 }),
      '⏳ Timed out <@11> for 10 minutes: 5 messages in 5 seconds in <#22> (spam protection).',
    );
  });

  it('welcomes by mention, with the guild name’s markdown escaped', () => {
    assert.equal(
      welcomeLine('11', '*Tavern*'),
      "👋 Welcome to **\\*Tavern\\***, <@11>! We're glad you're here.",
    );
  });
});
