import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '766045633697021973';

/** Elixir's public reads are limited per client address: the one place the address counts. */
async function remainingAfterTwoClients(t: TestApp): Promise<[number, number]> {
  const read = (forwardedFor: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/${GUILD}/nowplaying`,
      headers: { 'x-forwarded-for': forwardedFor },
    });
  const first = await read('203.0.113.7');
  const second = await read('198.51.100.9');
  return [Number(first.headers['x-ratelimit-remaining']), Number(second.headers['x-ratelimit-remaining'])];
}

describe('X-Forwarded-For and TRUST_PROXY', () => {
  describe('by default', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp();
      await t.registerGuild(GUILD);
    });
    after(() => t.close());

    it('given two requests claiming different X-Forwarded-For, then both count against one address', async () => {
      const [first, second] = await remainingAfterTwoClients(t);
      assert.ok(Number.isInteger(first), 'the route is limited per address');
      assert.equal(second, first - 1, 'the header was ignored: one bucket');
    });
  });

  describe('with TRUST_PROXY=true', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ trustProxy: true });
      await t.registerGuild(GUILD);
    });
    after(() => t.close());

    it('given two forwarded clients, then each has its own bucket', async () => {
      const [first, second] = await remainingAfterTwoClients(t);
      assert.equal(second, first);
    });
  });
});
