import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadOutboundConfig, loadProbeLimits } from './outbound-config';

describe('loadOutboundConfig and loadProbeLimits', () => {
  it('given an empty environment, then nothing is allow-listed and the embedded bounds apply', () => {
    assert.deepEqual(loadOutboundConfig({}), {
      allowedHosts: [],
      timeoutMs: 10_000,
      idleTimeoutMs: 30_000,
      maxResponseBytes: 1024 ** 3,
      maxRedirects: 5,
    });
    assert.deepEqual(loadProbeLimits({}), { concurrency: 4, queue: 32, perCaller: 4, timeoutMs: 15_000 });
  });

  it('given a comma-separated allow-list with blanks, then its entries, trimmed', () => {
    const config = loadOutboundConfig({ OUTBOUND_ALLOWED_HOSTS: ' nas.lan, ,10.0.0.0/8,::1 ' });
    assert.deepEqual(config.allowedHosts, ['nas.lan', '10.0.0.0/8', '::1']);
  });

  it('given a bound that is not a positive integer, then it fails naming the variable', () => {
    assert.throws(() => loadProbeLimits({ MUSIC_PROBE_CONCURRENCY: '0' }), /MUSIC_PROBE_CONCURRENCY/);
    assert.throws(() => loadOutboundConfig({ OUTBOUND_TIMEOUT_MS: 'soon' }), /OUTBOUND_TIMEOUT_MS/);
  });
});
