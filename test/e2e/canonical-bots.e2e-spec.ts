import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const BOT = '847291032847';
const OWNER = '5647382910';
const REVIEWER = '437086154215391233';

describe('canonical /v1 bots and developers', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    keys.admin = (await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key;
    keys.owner = (await t.issueKey(OWNER, { scopes: [`bot:${BOT}`] })).key;
    keys.reviewer = (await t.issueKey(REVIEWER)).key;
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, key?: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${keys[key]}` } : {} });
  const registration = { name: 'NexusBot', owner_id: OWNER, prefix: '?', tags: ['Stats'] };

  it('PUT /v1/bots/{id}: given an admin, then 200 with the new bot, not yet approved; again alike, then no event', async () => {
    const res = await call('PUT', `/v1/bots/${BOT}`, 'admin', registration);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      [body.id, body.name, body.owner_id, body.prefix, body.tags, body.approved, body.server_count],
      [BOT, 'NexusBot', OWNER, '?', ['stats'], false, 0],
    );
    const again = await call('PUT', `/v1/bots/${BOT}`, 'admin', registration);
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers['x-guildhall-position'], undefined);
  });

  it('PUT /v1/bots/{id}: given a non-admin key, then 403; no key, then 401', async () => {
    assert.equal((await call('PUT', `/v1/bots/${BOT}`, 'owner', registration)).statusCode, 403);
    assert.equal((await call('PUT', `/v1/bots/${BOT}`, undefined, registration)).statusCode, 401);
  });

  it('PUT /v1/bots/{id}: given a missing name or an unknown field, then 400 naming it', async () => {
    const res = await call('PUT', `/v1/bots/${BOT}`, 'admin', { owner_id: OWNER, colour: 'red' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /name/);
    assert.match(res.json().message, /colour/);
  });

  it('POST /v1/bots/{id}/reviews: given a bot not yet approved, then 404', async () => {
    assert.equal((await call('POST', `/v1/bots/${BOT}/reviews`, 'reviewer', { rating: 5 })).statusCode, 404);
  });

  it('POST /v1/bots/{id}/approve: given an admin, then 200 approved; a non-admin, then 403; unknown bot, then 404', async () => {
    assert.equal((await call('POST', `/v1/bots/${BOT}/approve`, 'owner')).statusCode, 403);
    const res = await call('POST', `/v1/bots/${BOT}/approve`, 'admin');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().approved, true);
    assert.equal((await call('POST', '/v1/bots/42/approve', 'admin')).statusCode, 404);
  });

  it('POST /v1/bots/{id}/reviews: given any key, then the review is recorded in its owner’s name', async () => {
    const res = await call('POST', `/v1/bots/${BOT}/reviews`, 'reviewer', { rating: 4, text: ' Solid ' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual([body.bot_id, body.user_id, body.rating, body.text], [BOT, REVIEWER, 4, 'Solid']);
    const replaced = await call('POST', `/v1/bots/${BOT}/reviews`, 'reviewer', { rating: 5 });
    assert.deepEqual([replaced.json().rating, replaced.json().text], [5, null]);
  });

  it('POST /v1/bots/{id}/reviews: given a rating of 0 or 6, then 400', async () => {
    for (const rating of [0, 6]) {
      assert.equal((await call('POST', `/v1/bots/${BOT}/reviews`, 'reviewer', { rating })).statusCode, 400);
    }
  });

  it('GET /v1/bots/{id}/reviews: given an admin, then the reviews; a non-admin, then 403', async () => {
    const res = await call('GET', `/v1/bots/${BOT}/reviews`, 'admin');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().reviews.map((r: { user_id: string; rating: number }) => [r.user_id, r.rating]),
      [[REVIEWER, 5]],
    );
    assert.equal((await call('GET', `/v1/bots/${BOT}/reviews`, 'reviewer')).statusCode, 403);
    assert.equal((await call('GET', '/v1/bots/42/reviews', 'admin')).statusCode, 404);
  });

  it('POST /v1/bots/{id}/samples: given the bot’s key, then 204 and the profile shows latency and uptime', async () => {
    const samples = [
      { latency_ms: 30, online: true, sampled_at: '2026-01-01T00:00:00Z' },
      { latency_ms: 50, online: true, commands_ok: false, sampled_at: '2026-01-01T00:01:00Z' },
      { latency_ms: 50, online: true, commands_ok: false, sampled_at: '2026-01-01T00:01:00Z' },
    ];
    for (const sample of samples) {
      assert.equal((await call('POST', `/v1/bots/${BOT}/samples`, 'owner', sample)).statusCode, 204);
    }
    const profile = (await call('GET', `/v1/bots/${BOT}`, 'reviewer')).json();
    assert.deepEqual(
      [profile.avg_latency_ms, profile.uptime, profile.command_uptime, profile.samples],
      [40, 100, 50, 2],
    );
    assert.equal((await call('POST', `/v1/bots/${BOT}/samples`, 'reviewer', samples[0])).statusCode, 403);
    const offline = { latency_ms: 20, online: false };
    assert.equal((await call('POST', `/v1/bots/${BOT}/samples`, 'owner', offline)).statusCode, 400);
  });

  it('GET /v1/bots/{id}/commands: given a bot with no list, then nulls; unknown bot, then 404', async () => {
    assert.deepEqual((await call('GET', `/v1/bots/${BOT}/commands`, 'reviewer')).json(), {
      sort: null,
      commands: null,
    });
    assert.equal((await call('GET', '/v1/bots/42/commands', 'reviewer')).statusCode, 404);
  });

  it('PUT /v1/developers/{username}: given an admin, then the status as BotNexus shows it', async () => {
    const payload = { verified: true, badge: 'partner', api_tier: 'enterprise', user_id: OWNER };
    const res = await call('PUT', '/v1/developers/arcdev', 'admin', payload);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      username: 'arcdev',
      verified: true,
      badge: 'partner',
      api_tier: 'enterprise',
    });
    const status = await call('GET', '/v1/developers/arcdev/status', 'reviewer');
    assert.deepEqual(status.json(), res.json());
  });

  it('PUT /v1/developers/{username}: given a badge without verification or an unknown tier, then 400; non-admin, then 403', async () => {
    const unverified = await call('PUT', '/v1/developers/arcdev', 'admin', {
      verified: false,
      badge: 'partner',
    });
    assert.equal(unverified.statusCode, 400);
    assert.match(unverified.json().message, /verified developer/);
    const tier = await call('PUT', '/v1/developers/arcdev', 'admin', {
      verified: true,
      api_tier: 'standard',
    });
    assert.equal(tier.statusCode, 400);
    assert.match(tier.json().message, /api_tier/);
    assert.equal((await call('PUT', '/v1/developers/arcdev', 'owner', { verified: true })).statusCode, 403);
  });
});
