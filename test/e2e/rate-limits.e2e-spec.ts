import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGuildhallApp } from '#guildhall/guildhall-app';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';
import { recordResponses } from '../support/contract/response-log';

const SERVER = '123456789012345678';
const HUSH_SERVER = '123456';

describe('rate limits, in memory', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(SERVER);
    await t.registerGuild(HUSH_SERVER, { ownerId: '123456', memberCount: 120, botCount: 5, onlineCount: 95 });
  });
  after(() => t.close());

  const get = (url: string, key: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });

  it('Hexify free tier: the 100th request is the last allowed, the 101st gets the exact 429 body', async () => {
    const { key } = await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'free' });
    let last;
    for (let i = 1; i <= 100; i++) {
      last = await get(`/v2/servers/${SERVER}`, key);
      assert.equal(last.statusCode, 200, `request ${i}`);
      assert.equal(last.headers['x-ratelimit-remaining'], String(100 - i));
    }
    assert.equal(last!.headers['x-ratelimit-limit'], '100');
    const now = Math.floor(Date.now() / 1000);
    const reset = Number(last!.headers['x-ratelimit-reset']);
    assert.ok(reset > now && reset <= now + 3601, `reset ${reset} is an epoch second within the hour`);
    assert.match(String(last!.headers['ratelimit-policy']), /"hourly";q=100;w=3600/);

    const refused = await get(`/v2/servers/${SERVER}`, key);
    assert.equal(refused.statusCode, 429);
    const body = refused.json();
    assert.deepEqual(Object.keys(body), ['error', 'message', 'retry_after']);
    assert.equal(body.error, 'Rate limit exceeded');
    assert.equal(body.message, 'You have exceeded your hourly rate limit');
    assert.ok(body.retry_after >= 1 && body.retry_after <= 3600);
    assert.equal(refused.headers['retry-after'], String(body.retry_after));
    assert.equal(refused.headers['x-ratelimit-remaining'], '0');
    assert.equal(refused.headers['x-ratelimit-limit'], '100');
  });

  it('premium and enterprise keys get their tiers', async () => {
    const premium = await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'premium' });
    const enterprise = await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' });
    assert.equal((await get(`/v2/servers/${SERVER}`, premium.key)).headers['x-ratelimit-limit'], '1000');
    assert.equal((await get(`/v2/servers/${SERVER}`, enterprise.key)).headers['x-ratelimit-limit'], '10000');
  });

  it('Hush: 60 per minute per server, whichever key asks, and the headers describe that tighter limit', async () => {
    const first = await t.issueKey('123456', { tier: 'enterprise' });
    const second = await t.issueKey('123456', { tier: 'enterprise' });
    for (let i = 1; i <= 60; i++) {
      const res = await get(`/v1/servers/${HUSH_SERVER}/stats`, i % 2 ? first.key : second.key);
      assert.equal(res.statusCode, 200, `request ${i}`);
      assert.equal(res.headers['x-ratelimit-limit'], '60');
    }
    const refused = await get(`/v1/servers/${HUSH_SERVER}/stats`, first.key);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().statusCode, 429);
    assert.ok(refused.headers['retry-after']);
    assert.match(String(refused.headers['ratelimit-policy']), /"per-server";q=60;w=60/);
    assert.match(String(refused.headers['ratelimit-policy']), /"hourly";q=10000;w=3600/);
  });

  it('a refused request consumes nothing from the other limits', async () => {
    const { key } = await t.issueKey('123456', { tier: 'enterprise' });
    // The Hush server budget is spent (previous test); the key's own hourly budget must be untouched.
    assert.equal((await get(`/v1/servers/${HUSH_SERVER}/stats`, key)).statusCode, 429);
    const res = await get(`/v2/servers/${SERVER}`, key);
    assert.equal(res.headers['x-ratelimit-remaining'], '9999');
  });
});

describe('rate limits shared through Redis by two API replicas', () => {
  let redis: RedisServer;
  let t: TestApp;
  let replica: NestFastifyApplication;
  before(async () => {
    redis = await startRedisServer();
    t = await startTestApp({ redisUrl: redis.url });
    replica = await createGuildhallApp({ dataDir: t.dataDir, logLevel: 'silent', redisUrl: redis.url });
    recordResponses(replica.getHttpAdapter().getInstance());
    await replica.init();
    await replica.getHttpAdapter().getInstance().ready();
    await t.registerGuild(SERVER);
  });
  after(async () => {
    await replica.close();
    await t.close();
    await redis.stop();
  });

  it('given requests alternating between replicas, then together they get exactly one limit', async () => {
    const { key } = await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'free' });
    const headers = { authorization: `Bearer ${key}` };
    // The replica learns of the key from the shared event store; wait until it does.
    for (let i = 0; i < 100; i++) {
      const probe = await replica.inject({ method: 'GET', url: '/v1/keys', headers });
      if (probe.statusCode !== 401) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const statuses: number[] = [];
    for (let i = 0; i < 110; i++) {
      const app = i % 2 === 0 ? t.app : replica;
      statuses.push((await app.inject({ method: 'GET', url: `/v2/servers/${SERVER}`, headers })).statusCode);
    }
    // The probe above counted once against the same hourly budget.
    assert.equal(statuses.filter((s) => s === 200).length, 99);
    assert.ok(statuses.slice(99).every((s) => s === 429));
  });
});
