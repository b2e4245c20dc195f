import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';

describe('Hexify v2 servers and settings', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(SERVER);
    // The server owner's key, on the top tier so these tests never meet the rate limit.
    authorization = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
  });
  after(() => t.close());

  const get = (id: string) =>
    t.app.inject({ method: 'GET', url: `/v2/servers/${id}`, headers: { authorization } });
  const post = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/v2/servers/${id}/settings`,
      payload: payload as object,
      headers: { authorization, ...headers },
    });

  it('given a registered server, when it is fetched, then the body has exactly the seed fields', async () => {
    const res = await get(SERVER);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      id: SERVER,
      name: 'My Discord Server',
      member_count: 1250,
      premium: true,
      features: ['music', 'moderation', 'analytics'],
      settings: {
        prefix: 'h!', // as the seed's example shows a server that never changed it
        welcome_channel: null,
        mod_log_channel: null,
        auto_mod: { enabled: false, spam_protection: false, word_filter: [] },
      },
    });
  });

  it("given the seed's settings body, when posted, then the answer and the next read show it (read-your-writes)", async () => {
    const body = {
      prefix: '!',
      welcome_channel: '987654321098765432',
      mod_log_channel: '123456789012345678',
      auto_mod: { enabled: true, spam_protection: true, word_filter: ['badword1', 'badword2'] },
    };
    const res = await post(SERVER, body);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().settings, body);
    assert.match(String(res.headers['x-guildhall-position']), /^\d+$/);
    assert.deepEqual((await get(SERVER)).json().settings, body);
  });

  it('given a partial body, when posted, then only those settings change', async () => {
    const res = await post(SERVER, { prefix: 'h!', auto_mod: { enabled: false } });
    assert.equal(res.statusCode, 200);
    const settings = res.json().settings;
    assert.equal(settings.prefix, 'h!');
    assert.equal(settings.auto_mod.enabled, false);
    assert.equal(settings.auto_mod.spam_protection, true);
    assert.equal(settings.welcome_channel, '987654321098765432');
  });

  it('given an unknown server, then GET and POST answer 404', async () => {
    assert.equal((await get('999')).statusCode, 404);
    assert.equal((await post('999', { prefix: '?' })).statusCode, 404);
  });

  const badBodies: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { prefix: '!', colour: 'red' }, /colour/],
    ['a too long prefix', { prefix: 'x'.repeat(11) }, /prefix/],
    ['a non-string prefix', { prefix: 5 }, /prefix/],
    ['a channel that is not a snowflake', { welcome_channel: 'general' }, /welcome_channel/],
    ['a boolean as a string', { auto_mod: { enabled: 'yes' } }, /auto_mod\.enabled/],
    ['an unknown nested field', { auto_mod: { nsfw: true } }, /nsfw/],
    ['a word filter that is not an array', { auto_mod: { word_filter: 'bad' } }, /auto_mod\.word_filter/],
    ['an empty word', { auto_mod: { word_filter: [''] } }, /word_filter/],
    ['an empty body', {}, /no setting/],
  ];
  for (const [what, body, field] of badBodies) {
    it(`given ${what}, when posted, then 400 names the field and nothing changes`, async () => {
      const before = (await get(SERVER)).json();
      const res = await post(SERVER, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().statusCode, 400);
      assert.match(res.json().message, field);
      assert.deepEqual((await get(SERVER)).json(), before);
    });
  }

  it('given a malformed server id, then 400 names server_id', async () => {
    const res = await get('abc');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /server_id/);
  });

  it('given malformed JSON, then 400, not 500', async () => {
    const res = await post(SERVER, '{"prefix": ', { 'content-type': 'application/json' });
    assert.equal(res.statusCode, 400);
  });

  it('given a body that is not JSON, then 415', async () => {
    const res = await post(SERVER, 'prefix=!', { 'content-type': 'text/plain' });
    assert.equal(res.statusCode, 415);
  });

  it('given a JSON array instead of an object, then 400', async () => {
    const res = await post(SERVER, [{ prefix: '!' }]);
    assert.equal(res.statusCode, 400);
  });

  it('given a body over the size limit, then 413', async () => {
    const res = await post(SERVER, { prefix: '!', pad: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(res.statusCode, 413);
  });
});
