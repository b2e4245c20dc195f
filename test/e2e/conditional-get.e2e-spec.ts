import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345679';

describe('ETag and 304 on guild reads', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(SERVER);
    authorization = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
  });
  after(() => t.close());

  const get = (url: string, ifNoneMatch?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { authorization, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
    });

  for (const url of [`/v2/servers/${SERVER}`, `/v1/servers/${SERVER}`]) {
    it(`given a GET ${url.slice(0, 3)} with the ETag it answered, then it answers 304 with no body until the guild changes`, async () => {
      const first = await get(url);
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      assert.match(etag, /^W\/"\d+"$/);

      const again = await get(url, etag);
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);

      const changed = await t.app.inject({
        method: 'POST',
        url: `/v2/servers/${SERVER}/settings`,
        payload: { prefix: url.startsWith('/v2') ? '?' : '!' },
        headers: { authorization },
      });
      assert.equal(changed.statusCode, 200, changed.body);

      const after = await get(url, etag);
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, etag);
      assert.equal(after.json().settings.prefix, url.startsWith('/v2') ? '?' : '!');
    });
  }

  it('given an If-None-Match naming another version, then the body is sent', async () => {
    const res = await get(`/v2/servers/${SERVER}`, 'W/"999999"');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().id, SERVER);
  });
});
