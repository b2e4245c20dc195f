import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keyFromAuthorization } from './api-key-header';

describe('keyFromAuthorization', () => {
  it('given a Bearer header, then every dialect reads the key', () => {
    for (const dialect of ['canonical', 'hexify', 'hush', 'botnexus', 'bod', 'elixir'] as const) {
      assert.equal(keyFromAuthorization(dialect, 'Bearer ghk_abc_def'), 'ghk_abc_def');
    }
  });

  it('given the scheme in any case, then the key is read', () => {
    assert.equal(keyFromAuthorization('hexify', 'bearer ghk_x_y'), 'ghk_x_y');
  });

  it('given a bare key, then only Bots on Discord accepts it', () => {
    assert.equal(
      keyFromAuthorization('bod', 'b1c678e8b0a346efe45e97c12b28f074'),
      'b1c678e8b0a346efe45e97c12b28f074',
    );
    assert.equal(keyFromAuthorization('hexify', 'b1c678e8b0a346efe45e97c12b28f074'), null);
  });

  it('given no header, an empty one, or another scheme, then no key', () => {
    assert.equal(keyFromAuthorization('hexify', undefined), null);
    assert.equal(keyFromAuthorization('hexify', '  '), null);
    assert.equal(keyFromAuthorization('hexify', 'Basic dXNlcjpwYXNz'), null);
    assert.equal(keyFromAuthorization('bod', 'Basic dXNlcjpwYXNz'), null);
  });
});
