import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const HEXIFY_SERVER = '123456789012345678';
const HUSH_SERVER = '123456';
const OTHER_SERVER = '766045633697021973';

describe('API keys on every route', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(HEXIFY_SERVER);
    await t.registerGuild(HUSH_SERVER, { ownerId: '123456', memberCount: 120, botCount: 5, onlineCount: 95 });
    await t.registerGuild(OTHER_SERVER, { ownerId: '460177285954142208' });
    await t.recordUser('123456', 'User#1234', ['Admin', 'Member']);
    keys.owner = (await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key;
    keys.stranger = (await t.issueKey('999', { tier: 'enterprise' })).key;
    keys.hushOwner = (await t.issueKey('123456', { tier: 'enterprise' })).key;
    keys.admin = (await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key;
    keys.boundElsewhere = (await t.issueKey('460177285954142208', { guildId: OTHER_SERVER })).key;
    keys.boundHere = (await t.issueKey('555', { guildId: HEXIFY_SERVER, tier: 'enterprise' })).key;
    const revoked = await t.issueKey(HEXIFY_PROFILE.ownerId);
    keys.revoked = revoked.key;
    await t.revokeKey(revoked.keyId);
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, key?: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: key === undefined ? {} : { authorization: key } });
  const bearer = (name: string) => `Bearer ${keys[name]}`;

  const protectedRoutes: Array<[string, 'GET' | 'POST' | 'PATCH' | 'PUT', string, object?]> = [
    ['Hexify server', 'GET', `/v2/servers/${HEXIFY_SERVER}`],
    ['Hexify settings', 'POST', `/v2/servers/${HEXIFY_SERVER}/settings`, { prefix: '?' }],
    ['canonical server', 'GET', `/v1/servers/${HEXIFY_SERVER}`],
    ['canonical settings', 'PATCH', `/v1/servers/${HEXIFY_SERVER}/settings`, { prefix: '?' }],
    ['canonical history', 'GET', `/v1/servers/${HEXIFY_SERVER}/events`],
    [
      'canonical register',
      'PUT',
      `/v1/servers/${HEXIFY_SERVER}`,
      { name: 'x', owner_id: '1', member_count: 1 },
    ],
    ['Hush user', 'GET', '/v1/users/123456'],
    ['Hush stats', 'GET', `/v1/servers/${HUSH_SERVER}/stats`],
    ['canonical keys', 'GET', '/v1/keys'],
  ];
  for (const [name, method, url, payload] of protectedRoutes) {
    it(`${name}: given no key, an unknown key, a malformed header or a revoked key, then 401`, async () => {
      for (const key of [
        undefined,
        'Bearer ghk_0000000000000000_nope',
        'Basic abc',
        bearer('revoked'),
        keys.owner,
      ]) {
        const res = await call(method, url, key, payload);
        assert.equal(res.statusCode, 401, `${key ?? 'no key'}: ${res.body}`);
        assert.equal(typeof res.json().message, 'string');
      }
    });
  }

  it('health needs no key', async () => {
    assert.equal((await call('GET', '/health')).statusCode, 200);
  });

  it('Hexify: any valid key reads a server; a key bound to another guild gets 403', async () => {
    assert.equal((await call('GET', `/v2/servers/${HEXIFY_SERVER}`, bearer('stranger'))).statusCode, 200);
    assert.equal(
      (await call('GET', `/v2/servers/${HEXIFY_SERVER}`, bearer('boundElsewhere'))).statusCode,
      403,
    );
  });

  it("Hexify settings: a stranger's key is refused; the owner's, a key bound to the guild and admin succeed", async () => {
    const url = `/v2/servers/${HEXIFY_SERVER}/settings`;
    assert.equal((await call('POST', url, bearer('stranger'), { prefix: '?' })).statusCode, 403);
    assert.equal((await call('POST', url, bearer('boundElsewhere'), { prefix: '?' })).statusCode, 403);
    assert.equal((await call('POST', url, bearer('owner'), { prefix: 'a' })).statusCode, 200);
    assert.equal((await call('POST', url, bearer('boundHere'), { prefix: 'b' })).statusCode, 200);
    assert.equal((await call('POST', url, bearer('admin'), { prefix: 'c' })).statusCode, 200);
  });

  it('canonical: registering a guild needs admin', async () => {
    const body = { name: 'New', owner_id: '1', member_count: 1 };
    assert.equal((await call('PUT', '/v1/servers/42', bearer('owner'), body)).statusCode, 403);
    assert.equal((await call('PUT', '/v1/servers/42', bearer('admin'), body)).statusCode, 200);
  });

  it('history records the key as the actor of a REST change', async () => {
    await call('PATCH', `/v1/servers/${HEXIFY_SERVER}/settings`, bearer('owner'), { prefix: 'hist' });
    const res = await call(
      'GET',
      `/v1/servers/${HEXIFY_SERVER}/events?type=SettingsChanged`,
      bearer('owner'),
    );
    const last = res.json().events.at(-1);
    assert.equal(last.actor.kind, 'apikey');
    assert.equal(last.door, 'rest');
  });

  it("Hush stats: the server owner gets the seed's shape; a stranger 403; an unknown server 404", async () => {
    const res = await call('GET', `/v1/servers/${HUSH_SERVER}/stats`, bearer('hushOwner'));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { members: 120, bots: 5, online: 95 });
    assert.equal((await call('GET', `/v1/servers/${HUSH_SERVER}/stats`, bearer('stranger'))).statusCode, 403);
    assert.equal((await call('GET', '/v1/servers/77/stats', bearer('admin'))).statusCode, 404);
  });

  it("Hush users: admin gets the seed's shape; a non-admin 403; an unknown user 404", async () => {
    const res = await call('GET', '/v1/users/123456', bearer('admin'));
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { id: '123456', username: 'User#1234', roles: ['Admin', 'Member'] });
    assert.equal((await call('GET', '/v1/users/123456', bearer('hushOwner'))).statusCode, 403);
    assert.equal((await call('GET', '/v1/users/77', bearer('admin'))).statusCode, 404);
  });

  it('canonical keys: a caller lists its own keys without secrets and revokes one; the revoked key then gets 401', async () => {
    const extra = await t.issueKey(HEXIFY_PROFILE.ownerId);
    const list = await call('GET', '/v1/keys', bearer('owner'));
    assert.equal(list.statusCode, 200);
    const ids = list.json().keys.map((k: { id: string }) => k.id);
    assert.ok(ids.includes(extra.keyId));
    assert.ok(!list.body.includes(extra.key.split('_')[2]), 'no secret in the listing');
    assert.ok(list.json().keys.every((k: { owner_id: string }) => k.owner_id === HEXIFY_PROFILE.ownerId));
    assert.equal(
      (await call('DELETE' as 'GET', `/v1/keys/${extra.keyId}`, bearer('stranger'))).statusCode,
      403,
    );
    assert.equal((await call('DELETE' as 'GET', `/v1/keys/${extra.keyId}`, bearer('owner'))).statusCode, 204);
    assert.equal((await call('GET', '/v1/keys', `Bearer ${extra.key}`)).statusCode, 401);
  });

  it('keys never reach the event store in clear', () => {
    // Every file of the data directory: the event store, its WAL, and the read models.
    const files = readdirSync(t.dataDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(t.dataDir, entry.name)).toString('latin1'));
    assert.ok(
      files.some((content) => content.includes('ApiKeyIssued')),
      'the scan reads the event store',
    );
    for (const key of Object.values(keys)) {
      const secret = key.split('_')[2];
      assert.ok(
        files.every((content) => !content.includes(secret)),
        'a key secret was stored in clear',
      );
    }
  });
});
