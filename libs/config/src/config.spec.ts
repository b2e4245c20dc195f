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

  it('given RUN_PROJECTIONS=false, then projections are off', () => {
    assert.equal(loadConfig({ RUN_PROJECTIONS: 'false' }).runProjections, false);
  });
});
