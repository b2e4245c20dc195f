import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const OWNER = '460177285954142208';
const GUILD = '766045633697021973';

describe('a guild-bound key and its owner’s other keys', () => {
  let t: TestApp;
  let bound: { key: string; keyId: string };
  let premium: { key: string; keyId: string };
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(GUILD, { ownerId: OWNER });
    // The owner's unbound premium key, and an Elixir-style key bound to one guild.
    premium = await t.issueKey(OWNER, { tier: 'premium' });
    bound = await t.issueKey(OWNER, { guildId: GUILD });
  });
  after(() => t.close());

  const call = (method: 'GET' | 'DELETE', url: string, key: string) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` } });

  it('given an Elixir key bound to one guild, when it revokes its owner’s premium key, then 403 and the premium key still works', async () => {
    const res = await call('DELETE', `/v1/keys/${premium.keyId}`, bound.key);
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().code, 'guild_bound_key');
    const list = await call('GET', '/v1/keys', premium.key);
    assert.equal(list.statusCode, 200, 'the premium key was not revoked');
    const row = list.json().keys.find((k: { id: string }) => k.id === premium.keyId);
    assert.equal(row.revoked_at, null);
  });

  it('given a bound key, when it revokes itself or an id that does not exist, then 403 as well (nothing revealed)', async () => {
    assert.equal((await call('DELETE', `/v1/keys/${bound.keyId}`, bound.key)).statusCode, 403);
    assert.equal((await call('DELETE', '/v1/keys/0000000000000000', bound.key)).statusCode, 403);
  });

  it('given a bound key, when it lists keys, then 403 and no key id is shown', async () => {
    const res = await call('GET', '/v1/keys', bound.key);
    assert.equal(res.statusCode, 403);
    assert.ok(!res.body.includes(premium.keyId));
  });

  it('given the owner’s unbound key, when it lists and revokes the bound key, then both succeed', async () => {
    const list = await call('GET', '/v1/keys', premium.key);
    assert.deepEqual(
      list
        .json()
        .keys.map((k: { id: string }) => k.id)
        .sort(),
      [bound.keyId, premium.keyId].sort(),
    );
    assert.equal((await call('DELETE', `/v1/keys/${bound.keyId}`, premium.key)).statusCode, 204);
  });
});
