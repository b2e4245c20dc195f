import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';
import { BOD_BOT, botKey, registerBot } from '../support/bots';

/** The seed's sample command, as valid JSON (the seed writes it with single quotes and a missing comma). */
const anime = () => ({
  name: 'anime',
  description: 'Shows your information about an anime from [AniList](https://anilist.co)',
  args: [{ text: 'name', type: 'required' }, 'options'],
  cooldown: 5,
  cooldownUnit: 'm',
  aliases: ['ani'],
  examples: ['!anime Toradora'],
  permissions: ['Manage Channel'],
  category: 'Anime Commands',
  prefix: '!',
});
const withAnime = (overrides: object) => ({ sort: 'default', commands: [{ ...anime(), ...overrides }] });
const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

describe('Bots on Discord: POST /bot-api/bots/:id/commands', () => {
  let t: TestApp;
  let nextBot = 0;
  before(async () => {
    t = await startTestApp();
    await registerBot(t, BOD_BOT, { approved: false });
  });
  after(() => t.close());

  /** A fresh bot and its key per case: the route allows only 10 requests per hour per bot. */
  async function freshBot(): Promise<{ id: string; key: string }> {
    const id = `70000000000000000${nextBot++}`;
    await registerBot(t, id, { approved: false });
    return { id, key: await botKey(t, id) };
  }
  const post = (id: string, key: string, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/bot-api/bots/${id}/commands`,
      headers: { authorization: key },
      payload: payload as object,
    });
  const listOf = async (id: string, key: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/v1/bots/${id}/commands`,
        headers: { authorization: `Bearer ${key}` },
      })
    ).json();

  it("given the seed's sample as JSON (a bot not approved yet), then 204 and the list is stored as sent", async () => {
    const key = await botKey(t, BOD_BOT);
    const res = await post(BOD_BOT, key, withAnime({}));
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
    assert.equal(res.headers['x-ratelimit-limit'], '10');
    assert.deepEqual(await listOf(BOD_BOT, key), { sort: 'default', commands: [anime()] });
  });

  it('given commands null, then 204 and the command data is unset', async () => {
    const { id, key } = await freshBot();
    assert.equal((await post(id, key, withAnime({}))).statusCode, 204);
    assert.equal((await post(id, key, { sort: null, commands: null })).statusCode, 204);
    assert.deepEqual(await listOf(id, key), { sort: null, commands: null });
  });

  it("given the seed's sample with its single quotes, then 400 with a message: only valid JSON is accepted", async () => {
    const { id, key } = await freshBot();
    const res = await t.app.inject({
      method: 'POST',
      url: `/bot-api/bots/${id}/commands`,
      headers: { authorization: key, 'content-type': 'application/json' },
      payload: "{ 'sort': 'default', 'commands': [{ 'name': 'anime' }] }",
    });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().message);
  });

  it('given an unknown bot (admin key), then 404 with a message', async () => {
    const admin = (await t.issueKey('1', { scopes: ['admin'] })).key;
    const res = await post('444444444444444444', admin, { commands: [] });
    assert.equal(res.statusCode, 404);
    assert.ok(res.json().message);
  });

  const boundaries: [string, object, object, string][] = [
    [
      'commands',
      { commands: many(200, (i) => ({ name: `c${i}` })) },
      { commands: many(201, (i) => ({ name: `c${i}` })) },
      'There is a limit of 200 commands',
    ],
    [
      'args',
      withAnime({ args: many(20, (i) => `a${i}`) }),
      withAnime({ args: many(21, (i) => `a${i}`) }),
      'There is a limit of 20 args per command',
    ],
    [
      'aliases',
      withAnime({ aliases: many(10, (i) => `a${i}`) }),
      withAnime({ aliases: many(11, (i) => `a${i}`) }),
      'There is a limit of 10 aliases per command',
    ],
    [
      'examples',
      withAnime({ examples: many(6, () => 'e') }),
      withAnime({ examples: many(7, () => 'e') }),
      'There is a limit of 6 examples per command',
    ],
    [
      'example length',
      withAnime({ examples: ['e'.repeat(200)] }),
      withAnime({ examples: ['e'.repeat(201)] }),
      'Command examples must be strings of up to 200 characters',
    ],
    [
      'permissions',
      withAnime({ permissions: many(10, (i) => `p${i}`) }),
      withAnime({ permissions: many(11, (i) => `p${i}`) }),
      'There is a limit of 10 permissions per command',
    ],
    [
      'description length',
      withAnime({ description: 'd'.repeat(1000) }),
      withAnime({ description: 'd'.repeat(1001) }),
      'Command descriptions must be a string of up to 1000 characters, or null',
    ],
    [
      'cooldown',
      withAnime({ cooldown: 0 }),
      withAnime({ cooldown: -1 }),
      'Command cooldowns must be a number of at least 0, or null',
    ],
  ];
  for (const [limit, ok, over, message] of boundaries) {
    it(`given ${limit} at the limit, then 204; one over, then 400 "${message}"`, async () => {
      const { id, key } = await freshBot();
      assert.equal((await post(id, key, ok)).statusCode, 204);
      const res = await post(id, key, over);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().message, message);
    });
  }

  const refusals: [string, object, string][] = [
    [
      'an arg type other than required or optional',
      withAnime({ args: [{ text: 'name', type: 'mandatory' }] }),
      'Command arg types must be a string with the value "required" or "optional"',
    ],
    [
      'a sort other than default or none',
      { sort: 'alphabetical', commands: [] },
      'Sort must be a string with the value "default" or "none", or null',
    ],
    [
      'a cooldown unit in weeks',
      withAnime({ cooldownUnit: 'w' }),
      'Command cooldown units must be a string with the value "s", "m", "h" or "d", or null',
    ],
    [
      'a command without a name',
      { commands: [{ description: 'nameless' }] },
      'Command names must be a non-empty string of up to 100 characters',
    ],
    [
      'commands that are no list',
      { commands: 'anime' },
      'Commands must be an array of command objects, or null',
    ],
    [
      'an unknown command field',
      withAnime({ usage: '!anime <name>' }),
      'Commands cannot have the field "usage"',
    ],
    ['a body that is a list', [], 'The request body must be a JSON object'],
  ];
  for (const [what, payload, message] of refusals) {
    it(`given ${what}, then 400 "${message}"`, async () => {
      const { id, key } = await freshBot();
      const res = await post(id, key, payload);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().message, message);
    });
  }

  it('given sort none, then the order sent is kept', async () => {
    const { id, key } = await freshBot();
    assert.equal(
      (await post(id, key, { sort: 'none', commands: [{ name: 'b' }, { name: 'a' }] })).statusCode,
      204,
    );
    const list = await listOf(id, key);
    assert.deepEqual([list.sort, list.commands.map((c: { name: string }) => c.name)], ['none', ['b', 'a']]);
  });
});
