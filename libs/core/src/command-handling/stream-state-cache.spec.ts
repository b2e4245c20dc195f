import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StreamStateCache } from './stream-state-cache';

describe('StreamStateCache', () => {
  it('given a cached stream, when read, then its state and revision come back', () => {
    const cache = new StreamStateCache();
    cache.set('guild-1', { state: { prefix: '!' }, revision: 3 });
    assert.deepEqual(cache.get('guild-1'), { state: { prefix: '!' }, revision: 3 });
    assert.equal(cache.get('guild-2'), undefined);
  });

  it('given more streams than the capacity, then the least recently used one is dropped', () => {
    const cache = new StreamStateCache(2);
    cache.set('a', { state: 1, revision: 0 });
    cache.set('b', { state: 2, revision: 0 });
    cache.get('a'); // a is now more recent than b
    cache.set('c', { state: 3, revision: 0 });
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('a'));
    assert.ok(cache.get('c'));
  });
});
