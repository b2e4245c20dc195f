import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedCache } from './versioned-cache';

describe('VersionedCache', () => {
  it('given an unchanged version, then the second lookup is served from memory', () => {
    let loads = 0;
    const cache = new VersionedCache<string, number>(() => 7);
    cache.get('a', () => ++loads);
    assert.equal(
      cache.get('a', () => ++loads),
      1,
    );
    assert.equal(loads, 1);
  });

  it('given the projection moved on, then the value is loaded again', () => {
    let version = 1;
    let loads = 0;
    const cache = new VersionedCache<string, number>(() => version);
    cache.get('a', () => ++loads);
    version = 2;
    assert.equal(
      cache.get('a', () => ++loads),
      2,
    );
  });

  it('given no version (no live projection), then nothing is cached', () => {
    let loads = 0;
    const cache = new VersionedCache<string, number>(() => undefined);
    cache.get('a', () => ++loads);
    cache.get('a', () => ++loads);
    assert.equal(loads, 2);
  });

  it('given more keys than the capacity, then it starts over instead of growing', () => {
    let loads = 0;
    const cache = new VersionedCache<string, number>(() => 1, 2);
    for (const key of ['a', 'b', 'c', 'a']) cache.get(key, () => ++loads);
    assert.equal(loads, 4);
  });
});
