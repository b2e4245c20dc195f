import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corsOrigins, metricsToken } from './operator-config';

describe('CORS_ORIGINS', () => {
  it('given nothing, then no origin is allowed', () => {
    assert.deepEqual(corsOrigins({}), []);
    assert.deepEqual(corsOrigins({ CORS_ORIGINS: ' ' }), []);
  });

  it('given origins or *, then they are the list', () => {
    assert.deepEqual(corsOrigins({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }), [
      'https://a.example',
      'http://localhost:5173',
    ]);
    assert.deepEqual(corsOrigins({ CORS_ORIGINS: '*' }), ['*']);
  });

  it('given a path, a trailing slash or another scheme, then it names the variable and the value', () => {
    for (const bad of ['https://a.example/', 'https://a.example/app', 'ftp://a.example', 'a.example', '']) {
      assert.throws(() => corsOrigins({ CORS_ORIGINS: `https://ok.example,${bad}` }), /CORS_ORIGINS.*got/);
    }
  });
});

describe('METRICS_TOKEN', () => {
  it('given nothing, then none; given a long token, then it', () => {
    assert.equal(metricsToken({}), undefined);
    assert.equal(metricsToken({ METRICS_TOKEN: ' 0123456789abcdef0123 ' }), '0123456789abcdef0123');
  });

  it('given a short token or one with spaces, then it names the variable', () => {
    assert.throws(() => metricsToken({ METRICS_TOKEN: 'short' }), /METRICS_TOKEN must be/);
    assert.throws(() => metricsToken({ METRICS_TOKEN: '0123456789 abcdef0123' }), /METRICS_TOKEN must be/);
  });
});
