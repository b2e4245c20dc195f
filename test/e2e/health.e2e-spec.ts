import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '#eventstore';
import { startTestApp, type TestApp } from '../support/test-app';

describe('health when the event store is unreachable', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    authorization = `Bearer ${(await t.issueKey('1', { scopes: ['admin'] })).key}`;
  });
  after(() => t.close());

  it('given a running process, then /health/live and /health/ready answer 200 with no key', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health/live' });
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(ready.statusCode, 200, ready.body);
    assert.equal(ready.json().details.eventstore.status, 'up');
    assert.equal(ready.json().details.projections.status, 'up');
  });

  it('given a closed event store, then /health answers 503 naming the event store', async () => {
    await t.app.get(EventStore).close();
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().details.eventstore.status, 'down');
  });

  it('given a closed event store, then /health/ready answers 503 and /health/live still 200', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().details.eventstore.status, 'down');
    assert.equal((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200);
  });

  it('given a closed event store, then a write answers 503, not 500', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/v1/servers/5/settings',
      payload: { prefix: '?' },
      headers: { authorization },
    });
    assert.equal(res.statusCode, 503);
  });
});
