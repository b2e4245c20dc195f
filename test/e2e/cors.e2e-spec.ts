import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const ALLOWED = 'https://dash.example.com';

const preflight = (t: TestApp, origin: string) =>
  t.app.inject({
    method: 'OPTIONS',
    url: '/v2/servers/123456789012345678',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });

describe('CORS with CORS_ORIGINS set', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ corsOrigins: [ALLOWED, 'http://localhost:5173'] });
  });
  after(() => t.close());

  it('given a preflight from an allowed origin, then it gets the CORS headers', async () => {
    const res = await preflight(t, ALLOWED);
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(res.headers['access-control-allow-methods']), /GET/);
    assert.match(String(res.headers['access-control-allow-headers']), /authorization/);
  });

  it('given a preflight from another origin, then it gets no CORS headers', async () => {
    const res = await preflight(t, 'https://evil.example.com');
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  });

  it('given a GET from an allowed origin, then the answer allows it and exposes the API headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: ALLOWED } });
    assert.equal(res.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(res.headers['access-control-expose-headers']), /X-Request-Id/);
  });
});

describe('CORS by default', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('given no CORS_ORIGINS, then no origin gets CORS headers', async () => {
    const res = await preflight(t, ALLOWED);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const get = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: ALLOWED } });
    assert.equal(get.headers['access-control-allow-origin'], undefined);
  });
});
