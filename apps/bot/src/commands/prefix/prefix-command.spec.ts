import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MissingArgumentError, argument, parsePrefixed } from './prefix-command';

describe('prefixed messages', () => {
  it('given the prefix, a name and a query, then the name is lower-cased and the query kept as typed', () => {
    assert.deepEqual(parsePrefixed('h!PLAY  Never Gonna   Give', 'h!'), {
      name: 'play',
      args: ['Never', 'Gonna', 'Give'],
      rest: 'Never Gonna   Give',
    });
  });

  it('given the prefix typed in another case, then the message still counts', () => {
    assert.equal(parsePrefixed('H!q', 'h!')?.name, 'q');
  });

  it('given a multi-line message, then the rest keeps its lines', () => {
    assert.equal(parsePrefixed('?wordfilter add a\nb', '?')?.rest, 'add a\nb');
  });

  it('given no prefix, only the prefix, or a space after it, then it is no command', () => {
    for (const content of ['play x', 'h!', 'h! play', '!play', ''])
      assert.equal(parsePrefixed(content, 'h!'), null);
  });

  it('given a missing word, then argument says so; the rest counts only when not empty', () => {
    const message = parsePrefixed('h!move 3', 'h!')!;
    assert.equal(argument(message, 0), '3');
    assert.throws(() => argument(message, 1), MissingArgumentError);
    assert.throws(() => argument({ name: 'play', args: [], rest: '' }, 'rest'), MissingArgumentError);
  });
});
