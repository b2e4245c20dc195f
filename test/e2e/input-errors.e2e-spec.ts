import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSeedMusicLibrary } from '../support/seed-library';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const BOT = '125367104336691200';

/** One route of every dialect that takes a body, with a body it would accept. */
const BODY_ROUTES: Array<[string, 'POST' | 'PATCH' | 'PUT', string]> = [
  ['canonical settings', 'PATCH', `/v1/servers/${GUILD}/settings`],
  ['canonical register', 'PUT', `/v1/servers/${GUILD}`],
  ['canonical review', 'POST', `/v1/bots/${BOT}/reviews`],
  ['canonical queue', 'POST', `/v1/servers/${GUILD}/music/queue`],
  ['Hexify settings', 'POST', `/v2/servers/${GUILD}/settings`],
  ['Hexify play', 'POST', `/v2/servers/${GUILD}/music/play`],
  ['BotNexus meta', 'PATCH', `/v1/bots/${BOT}/meta`],
  ['BotNexus submit', 'POST', '/v1/analytics/submit'],
  ['Bots on Discord guild count', 'POST', `/bot-api/bots/${BOT}/guilds`],
  ['Bots on Discord commands', 'POST', `/bot-api/bots/${BOT}/commands`],
  ['Elixir volume', 'POST', `/api/v1/${GUILD}/volume`],
];

const errorShape = (body: Record<string, unknown>) =>
  Object.keys(body)
    .filter((k) => ['statusCode', 'error', 'message'].includes(k))
    .sort();

describe('how the HTTP door takes input', () => {
  let t: TestApp;
  let admin: string;
  let restoreEnv: () => void;
  before(async () => {
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp({ bodyLimitBytes: 64 * 1024 });
    await t.registerGuild(GUILD);
    admin = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise', scopes: ['admin'] })).key}`;
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  const send = (method: string, url: string, payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: method as 'POST',
      url,
      payload,
      headers: { authorization: admin, 'content-type': contentType },
    });

  for (const [name, method, url] of BODY_ROUTES) {
    it(`${name}: given a body nested 3,000 levels deep, then 400 naming the depth limit`, async () => {
      const res = await send(method, url, `{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().message, 'The request body is nested more than 32 levels deep');
    });

    it(`${name}: given a form-encoded or text body, then 415 in the documented shape`, async () => {
      for (const type of [
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await send(method, url, 'volume=5', type);
        assert.equal(res.statusCode, 415, `${type}: ${res.body}`);
        assert.deepEqual(res.json(), {
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: `Request bodies must be JSON: send Content-Type: application/json (got ${type})`,
        });
      }
    });
  }

  it('given an object of 101 fields or an array of 1,001 items, then 400 naming the limit', async () => {
    const fields = `{${Array.from({ length: 101 }, (_, i) => `"f${i}":1`).join(',')}}`;
    const items = `{"word_filter":[${Array.from({ length: 1001 }, () => '"x"').join(',')}]}`;
    const url = `/v1/servers/${GUILD}/settings`;
    assert.equal(
      (await send('PATCH', url, fields)).json().message,
      'An object in the request body has more than 100 fields',
    );
    assert.equal(
      (await send('PATCH', url, items)).json().message,
      'An array in the request body has more than 1000 items',
    );
  });

  it('given twelve unknown fields, then the first ten are named and the rest counted', async () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${i}`, 1])));
    const res = await send('PATCH', `/v1/servers/${GUILD}/settings`, body);
    assert.equal(res.statusCode, 400);
    const json = res.json();
    assert.equal(json.fields.length, 10);
    assert.equal(json.more_errors, 2);
    assert.match(json.message, /^property x0 should not exist; .*property x9 should not exist; and 2 more$/);
  });

  it('given a DTO body of more than 1,000 values, then 400 before class-transformer copies it', async () => {
    const body = JSON.stringify({ rating: 5, x: Array.from({ length: 20 }, () => Array(60).fill(1)) });
    const res = await send('POST', `/v1/bots/${BOT}/reviews`, body);
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /more than 1000 values/);
  });

  it('given malformed JSON, an empty JSON body or one over the size limit, then the documented shape', async () => {
    const url = `/v1/servers/${GUILD}/settings`;
    for (const [payload, status] of [
      ['{"prefix":', 400],
      ['', 400],
      [`{"prefix":"${'x'.repeat(70_000)}"}`, 413],
    ] as const) {
      const res = await send('PATCH', url, payload);
      assert.equal(res.statusCode, status, res.body);
      assert.deepEqual(errorShape(res.json()), ['error', 'message', 'statusCode']);
      assert.equal(Object.keys(res.json()).length, 3, res.body);
    }
    assert.equal(
      (await send('PATCH', url, `{"prefix":"${'x'.repeat(70_000)}"}`)).json().message,
      'The request body is larger than 65536 bytes',
    );
  });

  it('given a path segment too long or a malformed escape, then 414 or 400 in the documented shape', async () => {
    const long = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${'1'.repeat(300)}`,
      headers: { authorization: admin },
    });
    assert.deepEqual(long.json(), {
      statusCode: 414,
      error: 'URI Too Long',
      message: 'A path segment of the URL is longer than 100 characters',
    });
    const bad = await t.app.inject({
      method: 'GET',
      url: '/v1/servers/%E0%A4%A',
      headers: { authorization: admin },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorShape(bad.json()), ['error', 'message', 'statusCode']);
  });

  it('given a refused time zone, then the error names time_zone, the field the client sent', async () => {
    const res = await send('PATCH', `/v1/servers/${GUILD}/settings`, '{"time_zone":"Mars/Olympus"}');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().field, 'time_zone');
    assert.equal(res.json().message, 'time_zone must be an IANA time zone such as UTC or Europe/Paris');
  });

  it('given a queue move past the end, then the error names index, not the domain’s toIndex', async () => {
    await send('POST', `/v1/servers/${GUILD}/music/queue`, '{"query":"tuyo"}');
    const { queue } = (
      await t.app.inject({ url: `/v1/servers/${GUILD}/music/queue`, headers: { authorization: admin } })
    ).json();
    const res = await send('PATCH', `/v1/servers/${GUILD}/music/queue/${queue[0].track_id}`, '{"index":9}');
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().field, 'index');
    assert.match(res.json().message, /^index must be a queue position/);
  });

  it('given an impossible active-user count on BotNexus, then the error names active_users', async () => {
    const res = await send(
      'POST',
      '/v1/analytics/submit',
      `{"server_id":"${GUILD}","active_users":20000000}`,
    );
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().field, 'active_users');
    assert.doesNotMatch(res.json().message, /activeUsers/);
  });
});
