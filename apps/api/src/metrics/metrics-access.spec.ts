import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { metricsAccess } from './metrics-access';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('who may scrape /metrics', () => {
  it('given no METRICS_TOKEN, then loopback clients only', () => {
    assert.equal(metricsAccess(undefined, undefined, '127.0.0.1'), 'allowed');
    assert.equal(metricsAccess(undefined, undefined, '::1'), 'allowed');
    assert.equal(metricsAccess(undefined, undefined, '::ffff:127.0.0.1'), 'allowed');
    assert.equal(metricsAccess(undefined, undefined, '10.0.0.7'), 'not-loopback');
  });

  it('given a METRICS_TOKEN, then the bearer must be it, from any address', () => {
    assert.equal(metricsAccess(TOKEN, `Bearer ${TOKEN}`, '10.0.0.7'), 'allowed');
    assert.equal(metricsAccess(TOKEN, `Bearer ${TOKEN}x`, '127.0.0.1'), 'wrong-token');
    assert.equal(metricsAccess(TOKEN, undefined, '127.0.0.1'), 'no-token');
    assert.equal(metricsAccess(TOKEN, TOKEN, '127.0.0.1'), 'no-token');
  });
});
