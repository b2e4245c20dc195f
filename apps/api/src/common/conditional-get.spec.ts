import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matches, weakTag } from './conditional-get';

describe('If-None-Match against a read model tag', () => {
  it('given the same tag, weak or strong, alone or in a list, then it matches', () => {
    assert.equal(matches('W/"7"', weakTag(7)), true);
    assert.equal(matches('"7"', weakTag(7)), true);
    assert.equal(matches('W/"6", W/"7"', weakTag(7)), true);
    assert.equal(matches('*', weakTag(7)), true);
  });

  it('given another tag, none, or a prefix of it, then it does not', () => {
    assert.equal(matches('W/"6"', weakTag(7)), false);
    assert.equal(matches(undefined, weakTag(7)), false);
    assert.equal(matches('', weakTag(7)), false);
    assert.equal(matches('W/"77"', weakTag(7)), false);
  });
});
