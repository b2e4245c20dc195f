import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shuffledIds } from './shuffle-queue.handler';

describe('shuffledIds', () => {
  it('given a random source that always draws 0, when shuffled, then Fisher–Yates rotates the list', () => {
    assert.deepEqual(
      shuffledIds(['a', 'b', 'c', 'd'], () => 0),
      ['b', 'c', 'd', 'a'],
    );
  });

  it('given a random source that draws the top index, when shuffled, then the order is unchanged', () => {
    assert.deepEqual(
      shuffledIds(['a', 'b', 'c'], (max) => max - 1),
      ['a', 'b', 'c'],
    );
  });

  it('given the real random source, when shuffled, then the result is a permutation', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `t${i}`);
    assert.deepEqual([...shuffledIds(ids, (max) => Math.floor(Math.random() * max))].sort(), [...ids].sort());
  });
});
