import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { Projections, SampleBotStatusCommand, systemContext } from '#core';
import { startTestApp, type TestApp } from '../support/test-app';
import { NEXUS_BOT, NEXUS_OWNER, registerBot, registerDeveloper } from '../support/bots';

const OTHER_BOT = '125367104336691200';
const INVITE = `https://discord.com/oauth2/authorize?client_id=${NEXUS_BOT}&scope=bot`;

describe('BotNexus', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    await registerBot(t, NEXUS_BOT, {
      ownerId: NEXUS_OWNER,
      meta: { tags: ['analytics'], shortDescription: 'Metrics' },
    });
    await registerBot(t, OTHER_BOT);
    await registerDeveloper(t, 'arcdev');
    const bus = t.app.get(CommandBus);
    const samples: [string, number | null, boolean, boolean][] = [
      ['2025-12-01T00:00:00Z', 40, true, true],
      ['2025-12-01T00:05:00Z', 60, true, true],
      ['2025-12-01T00:10:00Z', 50, true, false],
      ['2025-12-01T00:15:00Z', null, false, false],
    ];
    let position = 0;
    for (const [sampledAt, latencyMs, online, commandsOk] of samples) {
      const sample = { sampledAt, latencyMs, online, commandsOk };
      const result = await bus.execute(
        new SampleBotStatusCommand(NEXUS_BOT, sample, systemContext('system', 'test')),
      );
      position = result.position ?? position;
    }
    await t.app.get(Projections).waitFor('bots', position, 5_000);
    keys.owner = (await t.issueKey(NEXUS_OWNER, { scopes: [`bot:${NEXUS_BOT}`] })).key;
    keys.enterprise = (
      await t.issueKey(NEXUS_OWNER, { tier: 'enterprise', scopes: [`bot:${NEXUS_BOT}`] })
    ).key;
    keys.otherBot = (await t.issueKey('999', { scopes: [`bot:${OTHER_BOT}`] })).key;
    keys.plain = (await t.issueKey('998')).key;
    keys.admin = (await t.issueKey('1', { scopes: ['admin'] })).key;
  });
  after(() => t.close());

  const call = (method: 'GET' | 'PATCH', url: string, key?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: key ? { authorization: `Bearer ${keys[key] ?? key}` } : {},
    });

  describe('GET /v1/bots/{bot_id}', () => {
    it("given the seed's bot with samples, then 200 with latency, server count and uptime", async () => {
      const res = await call('GET', `/v1/bots/${NEXUS_BOT}`, 'plain');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(
        {
          id: body.id,
          name: body.name,
          avg_latency_ms: body.avg_latency_ms,
          server_count: body.server_count,
          uptime: body.uptime,
          command_uptime: body.command_uptime,
          tags: body.tags,
          short_description: body.short_description,
          invite_url: body.invite_url,
          approved: body.approved,
        },
        {
          id: NEXUS_BOT,
          name: 'AniBot',
          avg_latency_ms: 50,
          server_count: 0,
          uptime: 75,
          command_uptime: 50,
          tags: ['analytics'],
          short_description: 'Metrics',
          invite_url: null,
          approved: true,
        },
      );
      assert.equal(res.headers['x-ratelimit-limit'], '120');
    });

    it('given an enterprise key, then the limit is 500 per minute', async () => {
      const res = await call('GET', `/v1/bots/${NEXUS_BOT}`, 'enterprise');
      assert.equal(res.headers['x-ratelimit-limit'], '500');
    });

    it('given a bot never sampled, then its health figures are null', async () => {
      const body = (await call('GET', `/v1/bots/${OTHER_BOT}`, 'plain')).json();
      assert.deepEqual([body.avg_latency_ms, body.uptime, body.command_uptime], [null, null, null]);
    });

    it('given an unknown bot, then 404 in the error shape', async () => {
      const res = await call('GET', '/v1/bots/1', 'plain');
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), { statusCode: 404, error: 'Not Found', message: 'bot 1 not found' });
    });

    it('given a bot id that is no snowflake, then 400 naming it', async () => {
      const res = await call('GET', '/v1/bots/anibot', 'plain');
      assert.equal(res.statusCode, 400);
      assert.match(res.json().message, /bot_id/);
    });

    it('given no key or an unknown key, then 401', async () => {
      assert.equal((await call('GET', `/v1/bots/${NEXUS_BOT}`)).statusCode, 401);
      assert.equal((await call('GET', `/v1/bots/${NEXUS_BOT}`, 'ghk_0000000000000000_nope')).statusCode, 401);
    });
  });

  describe('PATCH /v1/bots/{bot_id}/meta', () => {
    it("given the bot's own key, then 200 with the updated profile and the cache-refresh headers", async () => {
      const payload = {
        tags: ['Analytics', 'Stats'],
        short_description: 'Live bot metrics',
        invite_url: INVITE,
      };
      const before = Date.now();
      const res = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, 'owner', payload);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(
        [body.tags, body.short_description, body.invite_url],
        [['analytics', 'stats'], 'Live bot metrics', INVITE],
      );
      assert.equal(res.headers['cache-control'], 'no-store');
      const refreshBy = Date.parse(String(res.headers['x-cache-refresh-by']));
      assert.ok(refreshBy >= before + 86_400_000 && refreshBy <= Date.now() + 86_400_000);
      assert.ok(res.headers['x-guildhall-position']);
      assert.deepEqual((await call('GET', `/v1/bots/${NEXUS_BOT}`, 'plain')).json().tags, [
        'analytics',
        'stats',
      ]);
    });

    it('given an admin key, then it may change any bot; invite_url null clears it', async () => {
      const res = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, 'admin', { invite_url: null });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().invite_url, null);
    });

    it("given another bot's key or a key without scope, then 403", async () => {
      for (const key of ['otherBot', 'plain']) {
        const res = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, key, { tags: ['x'] });
        assert.equal(res.statusCode, 403, key);
        assert.equal(res.json().statusCode, 403);
      }
    });

    it('given no key or an unknown key, then 401', async () => {
      assert.equal(
        (await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, undefined, { tags: [] })).statusCode,
        401,
      );
      const unknown = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, 'ghk_0000000000000000_nope', {
        tags: [],
      });
      assert.equal(unknown.statusCode, 401);
    });

    it('given an unknown bot (admin), then 404', async () => {
      assert.equal((await call('PATCH', '/v1/bots/42/meta', 'admin', { tags: [] })).statusCode, 404);
    });

    const refusals: [string, object, RegExp][] = [
      [
        'unknown fields',
        { tags: [], name: 'x', owner: 1 },
        /property name should not exist.*property owner should not exist/,
      ],
      ['no field at all', {}, /at least one of tags, short_description, invite_url/],
      ['11 tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, /at most 10 tags/],
      ['a 31-character tag', { tags: ['t'.repeat(31)] }, /1–30 characters/],
      ['tags that are no strings', { tags: [1] }, /tags/],
      [
        'a 201-character description',
        { short_description: 'd'.repeat(201) },
        /short description must be at most 200/,
      ],
      ['an invite URL that is not Discord OAuth2', { invite_url: 'https://example.com' }, /invite URL/],
      [
        'an invite URL for another bot',
        { invite_url: INVITE.replace(NEXUS_BOT, OTHER_BOT) },
        /client_id=847291032847/,
      ],
    ];
    for (const [what, payload, message] of refusals) {
      it(`given ${what}, then 400 naming the problem`, async () => {
        const res = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, 'owner', payload);
        assert.equal(res.statusCode, 400);
        assert.match(res.json().message, message);
      });
    }

    it('given 10 tags of 30 characters and a 200-character description, then 200', async () => {
      const tags = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(30, 't'));
      const res = await call('PATCH', `/v1/bots/${NEXUS_BOT}/meta`, 'owner', {
        tags,
        short_description: 'd'.repeat(200),
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().tags.length, 10);
    });
  });

  describe('GET /v1/developers/{username}/status', () => {
    it("given the seed's developer, then 200 with verification, badge and tier", async () => {
      const res = await call('GET', '/v1/developers/arcdev/status', 'plain');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), {
        username: 'arcdev',
        verified: true,
        badge: 'verified_developer',
        api_tier: 'premium',
      });
    });

    it('given the username in other case, then the same developer', async () => {
      assert.equal((await call('GET', '/v1/developers/ArcDev/status', 'plain')).json().username, 'arcdev');
    });

    it('given an unknown developer, then 404', async () => {
      assert.equal((await call('GET', '/v1/developers/nobody/status', 'plain')).statusCode, 404);
    });

    it('given a name that is no username, then 400', async () => {
      assert.equal((await call('GET', '/v1/developers/a/status', 'plain')).statusCode, 400);
    });

    it('given no key, then 401', async () => {
      assert.equal((await call('GET', '/v1/developers/arcdev/status')).statusCode, 401);
    });
  });
});
