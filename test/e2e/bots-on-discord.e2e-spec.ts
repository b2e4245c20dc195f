import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';
import { BOD_BOT, BOD_REVIEWER, botKey, recordReview, registerBot } from '../support/bots';

const UNAPPROVED = '222222222222222222';
const OTHER_BOT = '333333333333333333';
const UNKNOWN_BOT = '444444444444444444';

describe('Bots on Discord: guild count and review check', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    await registerBot(t, BOD_BOT);
    await registerBot(t, UNAPPROVED, { approved: false });
    await registerBot(t, OTHER_BOT);
    await recordReview(t, BOD_BOT, BOD_REVIEWER);
    keys.bot = await botKey(t, BOD_BOT);
    keys.unapproved = await botKey(t, UNAPPROVED);
    keys.other = await botKey(t, OTHER_BOT);
    keys.unknown = await botKey(t, UNKNOWN_BOT);
    keys.admin = (await t.issueKey('1', { scopes: ['admin'] })).key;
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, authorization?: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: authorization === undefined ? {} : { authorization } });

  describe('POST /bot-api/bots/:id/guilds', () => {
    it("given the seed's request with the bare key, then 204 No Content and the count is recorded", async () => {
      const res = await call('POST', `/bot-api/bots/${BOD_BOT}/guilds`, keys.bot, { guildCount: 54783 });
      assert.equal(res.statusCode, 204);
      assert.equal(res.body, '');
      assert.equal(res.headers['x-ratelimit-limit'], '2');
      const profile = await call('GET', `/v1/bots/${BOD_BOT}`, `Bearer ${keys.bot}`);
      assert.equal(profile.json().server_count, 54783);
    });

    it('given a bot that is not approved, then 404 with a message', async () => {
      const res = await call('POST', `/bot-api/bots/${UNAPPROVED}/guilds`, keys.unapproved, {
        guildCount: 1,
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().message, `bot ${UNAPPROVED} is not approved`);
    });

    it('given an unknown bot, then 404 with a message', async () => {
      const res = await call('POST', `/bot-api/bots/${UNKNOWN_BOT}/guilds`, keys.unknown, { guildCount: 1 });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().message, `bot ${UNKNOWN_BOT} not found`);
    });

    const count = /^guildCount must be a whole number of at least 0$/;
    const bad: [string, object, RegExp][] = [
      ['a negative count', { guildCount: -1 }, count],
      ['a fractional count', { guildCount: 1.5 }, count],
      ['a count as text', { guildCount: '54783' }, count],
      ['no count', {}, count],
      ['an unknown field', { guildCount: 1, shardCount: 2 }, /property shardCount should not exist/],
    ];
    bad.forEach(([what, payload, message], i) => {
      it(`given ${what}, then 400 with a message`, async () => {
        // A bot of its own per case: the route allows 2 requests per 4 minutes per bot, 400s included.
        const res = await call('POST', `/bot-api/bots/50000000000000000${i}/guilds`, keys.admin, payload);
        assert.equal(res.statusCode, 400);
        assert.match(res.json().message, message);
      });
    });
  });

  describe('GET /bot-api/bots/:id/review', () => {
    const url = (owner?: string, bot = BOD_BOT) =>
      `/bot-api/bots/${bot}/review${owner === undefined ? '' : `?owner=${owner}`}`;

    it("given the seed's request for a user who reviewed, then {exists: true}", async () => {
      const res = await call('GET', url(BOD_REVIEWER), keys.bot);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { exists: true });
      assert.equal(res.headers['x-ratelimit-limit'], '20');
    });

    it('given a user who did not review, then {exists: false}', async () => {
      assert.deepEqual((await call('GET', url('210987654321098765'), keys.bot)).json(), { exists: false });
    });

    it('given no owner or an owner that is no user id, then 400 with a message naming owner', async () => {
      for (const owner of [undefined, 'someone', '']) {
        const res = await call('GET', url(owner), keys.bot);
        assert.equal(res.statusCode, 400, String(owner));
        assert.match(res.json().message, /owner/);
      }
    });

    it('given an unknown bot, then 404 with a message', async () => {
      const res = await call('GET', url(BOD_REVIEWER, UNKNOWN_BOT), keys.unknown);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().message, `bot ${UNKNOWN_BOT} not found`);
    });
  });

  const routes: [string, 'GET' | 'POST', string, object?][] = [
    ['guild count', 'POST', `/bot-api/bots/${BOD_BOT}/guilds`, { guildCount: 1 }],
    ['review check', 'GET', `/bot-api/bots/${BOD_BOT}/review?owner=${BOD_REVIEWER}`],
    ['commands', 'POST', `/bot-api/bots/${BOD_BOT}/commands`, { commands: [] }],
  ];
  for (const [name, method, url, payload] of routes) {
    it(`${name}: given no key or an unknown key, then 401 with a message`, async () => {
      for (const authorization of [
        undefined,
        'ghk_0000000000000000_nope',
        'b1c678e8b0a346efe45e97c12b28f074',
      ]) {
        const res = await call(method, url, authorization, payload);
        assert.equal(res.statusCode, 401, String(authorization));
        assert.ok(res.json().message);
      }
    });

    it(`${name}: given another bot's key, then 403 with a message`, async () => {
      const res = await call(method, url, keys.other, payload);
      assert.equal(res.statusCode, 403);
      assert.ok(res.json().message);
    });

    it(`${name}: given the key with a Bearer scheme, then it is accepted too`, async () => {
      const res = await call(method, url, `Bearer ${keys.bot}`, payload);
      assert.ok([200, 204].includes(res.statusCode), String(res.statusCode));
    });
  }
});
