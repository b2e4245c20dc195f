import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../support/test-app';
import { BOD_REVIEWER, botKey, registerBot } from '../support/bots';

const BOTS = { guilds: '810000000000000001', review: '810000000000000002', commands: '810000000000000003' };
const NEIGHBOUR = '810000000000000004';

describe('Bots on Discord: per-route limits, per bot', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    for (const [name, id] of Object.entries({ ...BOTS, neighbour: NEIGHBOUR })) {
      await registerBot(t, id);
      keys[name] = await botKey(t, id);
    }
  });
  after(() => t.close());

  const send = (method: 'GET' | 'POST', url: string, key: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: key } });

  /** Sends `limit` allowed requests and one more; checks the headers on the last allowed and the refused one. */
  async function atTheBoundary(
    limit: number,
    windowSeconds: number,
    policy: string,
    request: () => Promise<LightMyRequestResponse>,
    okStatus: number,
  ): Promise<void> {
    let last: LightMyRequestResponse | undefined;
    for (let i = 1; i <= limit; i++) {
      last = await request();
      assert.equal(last.statusCode, okStatus, `request ${i}`);
      assert.equal(last.headers['x-ratelimit-remaining'], String(limit - i), `remaining after ${i}`);
    }
    assert.equal(last!.headers['x-ratelimit-limit'], String(limit));
    assert.match(
      String(last!.headers['ratelimit-policy']),
      new RegExp(`"${policy}";q=${limit};w=${windowSeconds}`),
    );
    const now = Math.floor(Date.now() / 1000);
    const reset = Number(last!.headers['x-ratelimit-reset']);
    assert.ok(reset > now && reset <= now + windowSeconds + 1, `reset ${reset} within the window`);

    const refused = await request();
    assert.equal(refused.statusCode, 429);
    assert.deepEqual(Object.keys(refused.json()), ['message']);
    assert.match(refused.json().message, new RegExp(`${limit} requests per ${windowSeconds} s`));
    assert.equal(refused.headers['x-ratelimit-limit'], String(limit));
    assert.equal(refused.headers['x-ratelimit-remaining'], '0');
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= windowSeconds, `retry-after ${retryAfter}`);
  }

  it('guild count: 2 per 4 minutes per bot; the 3rd is a 429 with a message', async () => {
    let count = 0;
    await atTheBoundary(
      2,
      240,
      'guild-count',
      () => send('POST', `/bot-api/bots/${BOTS.guilds}/guilds`, keys.guilds, { guildCount: ++count }),
      204,
    );
  });

  it('review check: 20 per 10 seconds per bot; the 21st is a 429 with a message', async () => {
    await atTheBoundary(
      20,
      10,
      'review',
      () => send('GET', `/bot-api/bots/${BOTS.review}/review?owner=${BOD_REVIEWER}`, keys.review),
      200,
    );
  });

  it('commands: 10 per hour per bot; the 11th is a 429 with a message', async () => {
    await atTheBoundary(
      10,
      3600,
      'commands',
      () => send('POST', `/bot-api/bots/${BOTS.commands}/commands`, keys.commands, { commands: [] }),
      204,
    );
  });

  it("given one bot's budget spent, then another bot's budget on the same route is untouched", async () => {
    const res = await send('POST', `/bot-api/bots/${NEIGHBOUR}/guilds`, keys.neighbour, { guildCount: 1 });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['x-ratelimit-remaining'], '1');
  });

  it("given the spent bot's other routes, then they keep their own budgets", async () => {
    const res = await send('GET', `/bot-api/bots/${BOTS.guilds}/review?owner=${BOD_REVIEWER}`, keys.guilds);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-limit'], '20');
    assert.equal(res.headers['x-ratelimit-remaining'], '19');
  });

  it('given an admin key on a spent bot, then the limit still holds: it counts per bot, not per key', async () => {
    const admin = (await t.issueKey('1', { scopes: ['admin'] })).key;
    const res = await send('POST', `/bot-api/bots/${BOTS.guilds}/guilds`, admin, { guildCount: 9 });
    assert.equal(res.statusCode, 429);
  });
});
