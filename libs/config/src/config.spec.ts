import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config';

describe('loadConfig', () => {
  it('given an empty environment, then the embedded defaults apply', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.eventStoreUrl, undefined);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.runProjections, true);
  });

  it('given a non-numeric PORT, then it fails naming the variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
  });

  it('given an EVENTSTORE_URL that is not esdb://, then it fails naming the variable', () => {
    assert.throws(() => loadConfig({ EVENTSTORE_URL: 'http://x' }), /EVENTSTORE_URL/);
  });

  it('given no durability setting, then normal; given an unknown one, then it fails naming the variable', () => {
    assert.equal(loadConfig({}).sqliteDurability, 'normal');
    assert.equal(loadConfig({ EVENTSTORE_SQLITE_DURABILITY: 'full' }).sqliteDurability, 'full');
    assert.throws(() => loadConfig({ EVENTSTORE_SQLITE_DURABILITY: 'off' }), /EVENTSTORE_SQLITE_DURABILITY/);
  });

  it('given a REDIS_URL that is not redis://, then it fails naming the variable', () => {
    assert.throws(() => loadConfig({ REDIS_URL: 'localhost:6379' }), /REDIS_URL/);
    assert.equal(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379');
  });

  it('given RUN_PROJECTIONS=false, then projections are off', () => {
    assert.equal(loadConfig({ RUN_PROJECTIONS: 'false' }).runProjections, false);
  });

  it('given no USAGE_RETENTION_DAYS, then usage is kept; given a positive integer, then it is the window', () => {
    assert.equal(loadConfig({}).usageRetentionDays, undefined);
    assert.equal(loadConfig({ USAGE_RETENTION_DAYS: '90' }).usageRetentionDays, 90);
  });

  it('given a USAGE_RETENTION_DAYS that is not a positive integer, then it fails naming the variable', () => {
    for (const raw of ['0', '-5', '1.5', 'ninety']) {
      assert.throws(() => loadConfig({ USAGE_RETENTION_DAYS: raw }), /USAGE_RETENTION_DAYS/);
    }
  });

  it('given no door settings, then the HTTP door opens and the player worker runs only where Discord is configured', () => {
    assert.equal(loadConfig({}).httpDoor, true);
    assert.equal(loadConfig({}).playerWorker, false);
    assert.equal(loadConfig({ DISCORD_TOKEN: 'token' }).playerWorker, true);
    assert.equal(loadConfig({ DISCORD_TOKEN: 'token', PLAYER_WORKER: 'off' }).playerWorker, false);
    assert.equal(loadConfig({ PLAYER_WORKER: 'on' }).playerWorker, true);
    assert.equal(loadConfig({ HTTP_DOOR: 'off' }).httpDoor, false);
  });

  it('given a door setting that is not on or off, then it fails naming the variable', () => {
    assert.throws(() => loadConfig({ PLAYER_WORKER: 'sometimes' }), /PLAYER_WORKER/);
    assert.throws(() => loadConfig({ HTTP_DOOR: 'maybe' }), /HTTP_DOOR/);
  });
});
