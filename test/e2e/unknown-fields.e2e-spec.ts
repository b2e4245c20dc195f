import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '766045633697021973';
const OWNER = '460177285954142208';
const USER = '460177285954142208';
const CHANNEL = '766045633697021978';

describe('unknown fields on Elixir writes and BotNexus submit', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(GUILD, { ownerId: OWNER });
    key = (await t.issueKey(OWNER, { guildId: GUILD })).key;
  });
  after(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  const refusals: Array<[string, string, object, string]> = [
    ['join, flat', 'join', { 'channel.id': CHANNEL, 'user.id': USER, admin: true }, 'admin'],
    ['join, nested', 'join', { channel: { id: CHANNEL, x: 1 }, user: { id: USER } }, 'channel.x'],
    ['volume', 'volume', { 'user.id': USER, volume: 40, bass: 9 }, 'bass'],
    ['play', 'play', { 'user.id': USER, query: 'x', source: 'yt' }, 'source'],
    ['stop', 'stop', { 'user.id': USER, force: true }, 'force'],
  ];
  for (const [what, route, payload, field] of refusals) {
    it(`given Elixir ${what} with an unknown field, then 400 naming ${field}`, async () => {
      const res = await post(`/api/v1/${GUILD}/${route}`, payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().field, field);
      assert.match(res.json().message, new RegExp(field.replace('.', '\\.')));
    });
  }

  it('given Elixir join with flat or nested ids only, then both forms still work', async () => {
    assert.equal(
      (await post(`/api/v1/${GUILD}/join`, { 'channel.id': CHANNEL, 'user.id': USER })).statusCode,
      200,
    );
    assert.equal(
      (await post(`/api/v1/${GUILD}/join`, { channel: { id: CHANNEL }, user: { id: USER } })).statusCode,
      200,
    );
  });

  it('given BotNexus submit with an unknown field, then 400 naming it and nothing is recorded', async () => {
    const res = await post('/v1/analytics/submit', { server_id: GUILD, active_users: 5, bonus: 1 });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().field, 'bonus');
    const ok = await post('/v1/analytics/submit', { server_id: GUILD, active_users: 5 });
    assert.equal(ok.statusCode, 201, ok.body);
  });
});
