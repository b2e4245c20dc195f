import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const ID = '766045633697021974';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('X-Request-Id', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    authorization = `Bearer ${(await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key}`;
    await t.registerGuild(ID);
  });
  after(() => t.close());

  const settingsChanges = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${ID}/events?type=SettingsChanged`,
      headers: { authorization },
    });
    return res.json().events as { correlation_id: string }[];
  };

  it('given a sane X-Request-Id on a write, then the answer echoes it and the event carries it as its correlation id', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${ID}/settings`,
      payload: { prefix: '?' },
      headers: { authorization, 'x-request-id': 'req-42.a:b_c' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['x-request-id'], 'req-42.a:b_c');
    assert.equal((await settingsChanges()).at(-1)?.correlation_id, 'req-42.a:b_c');
  });

  it('given no X-Request-Id, then a new one is made, echoed, and used as the correlation id', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${ID}/settings`,
      payload: { prefix: '!' },
      headers: { authorization },
    });
    assert.equal(res.statusCode, 200, res.body);
    const id = res.headers['x-request-id'] as string;
    assert.match(id, UUID);
    assert.equal((await settingsChanges()).at(-1)?.correlation_id, id);
  });

  it('given an X-Request-Id too long or with other characters, then it is replaced by a new one', async () => {
    for (const given of ['x'.repeat(129), 'has space', 'quote"d', 'ünï']) {
      const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': given } });
      assert.match(res.headers['x-request-id'] as string, UUID, given);
    }
  });

  it('given errors, then they carry the id too', async () => {
    const unauthorized = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${ID}`,
      headers: { 'x-request-id': 'no-key-1' },
    });
    assert.equal(unauthorized.statusCode, 401);
    assert.equal(unauthorized.headers['x-request-id'], 'no-key-1');
  });
});
