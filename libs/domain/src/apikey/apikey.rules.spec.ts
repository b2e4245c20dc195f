import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canActForBot, hasAdminScope, parseScope } from './apikey.rules';

describe('API key scope grammar', () => {
  const cases: [unknown, string | null][] = [
    ['admin', 'admin'],
    ['bot:125367104336691200', 'bot:125367104336691200'],
    ['bot:1', 'bot:1'],
    ['Admin', null],
    ['bot:', null],
    ['bot:12a', null],
    [`bot:${'1'.repeat(21)}`, null],
    ['bot:1 ', null],
    ['owner', null],
    [42, null],
    [null, null],
  ];
  for (const [input, expected] of cases) {
    it(`given ${JSON.stringify(input)}, when parsed, then it is ${expected ?? 'refused'}`, () => {
      assert.equal(parseScope(input), expected);
    });
  }

  it('given bot and admin scopes, when asked who may act for a bot, then the bot owner and admins may', () => {
    assert.equal(canActForBot(['bot:7'], '7'), true);
    assert.equal(canActForBot(['bot:7'], '8'), false);
    assert.equal(canActForBot(['admin'], '8'), true);
    assert.equal(canActForBot(undefined, '8'), false);
    assert.equal(hasAdminScope(['bot:7']), false);
  });
});
