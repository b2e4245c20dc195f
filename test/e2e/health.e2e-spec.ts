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

  it('given a closed event store, then /health answers 503 naming the event store', async () => {
    await t.app.get(EventStore).close();
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().details.eventstore.status, 'down');
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
