import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsCache } from './settings-cache';

describe('settings cache', () => {
  const counting = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('given a live projection, then an entry lives until the projection moves on', async () => {
    let version = 1;
    const cache = new SettingsCache<number>(() => version, 1_000);
    const source = counting();
    assert.equal(await cache.get('g', source.load), 1);
    assert.equal(await cache.get('g', source.load), 1);
    version = 2;
    assert.equal(await cache.get('g', source.load), 2);
    assert.equal(source.loads(), 2);
  });

  it('given no live projection here, then an entry lives the TTL', async () => {
    let now = 0;
    const cache = new SettingsCache<number>(
      () => undefined,
      1_000,
      () => now,
    );
    const source = counting();
    await cache.get('g', source.load);
    now = 999;
    await cache.get('g', source.load);
    assert.equal(source.loads(), 1);
    now = 1_000;
    assert.equal(await cache.get('g', source.load), 2);
  });

  it('keeps guilds apart', async () => {
    const cache = new SettingsCache<string>(() => 1, 1_000);
    assert.equal(await cache.get('a', async () => 'A'), 'A');
    assert.equal(await cache.get('b', async () => 'B'), 'B');
    assert.equal(await cache.get('a', async () => 'changed'), 'A');
  });
});
