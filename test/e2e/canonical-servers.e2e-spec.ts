import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/test-app';

const ID = '766045633697021973';

describe('canonical /v1/servers', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    // An operator's key: registering guilds needs the admin scope.
    authorization = `Bearer ${(await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key}`;
  });
  after(() => t.close());

  const inject = (
    method: 'GET' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ) => t.app.inject({ method, url, payload, headers: { authorization, ...headers } });

  it('given a new guild, when PUT, then it is registered and readable at once', async () => {
    const res = await inject('PUT', `/v1/servers/${ID}`, {
      name: 'Elixir Music Lounge',
      owner_id: '460177285954142208',
      member_count: 300,
      bot_count: 3,
      online_count: 85,
      features: ['music'],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.owner_id, '460177285954142208');
    assert.equal(body.bot_count, 3);
    assert.equal(body.premium, false);
    assert.equal(body.settings.prefix, 'h!', "the default prefix, Hexify's");
    assert.equal((await inject('GET', `/v1/servers/${ID}`)).json().name, 'Elixir Music Lounge');
  });

  it('given settings, when PATCHed twice, then the history lists both changes with actor, door and time', async () => {
    const headers = { 'x-correlation-id': 'corr-123' };
    assert.equal(
      (await inject('PATCH', `/v1/servers/${ID}/settings`, { prefix: '?' }, headers)).statusCode,
      200,
    );
    assert.equal(
      (await inject('PATCH', `/v1/servers/${ID}/settings`, { mod_log_channel: '42' })).statusCode,
      200,
    );
    const res = await inject('GET', `/v1/servers/${ID}/events?type=SettingsChanged`);
    assert.equal(res.statusCode, 200);
    const { events, next_cursor } = res.json();
    assert.equal(next_cursor, null);
    assert.deepEqual(
      events.map((e: { data: { changes: unknown } }) => e.data.changes),
      [{ prefix: '?' }, { modLogChannelId: '42' }],
    );
    assert.equal(events[0].door, 'rest');
    assert.equal(events[0].correlation_id, 'corr-123');
    assert.deepEqual(Object.keys(events[0].actor).sort(), ['id', 'kind']);
    assert.ok(!Number.isNaN(Date.parse(events[0].time)));
  });

  it('given a setting set to its current value, then no event is written', async () => {
    const before = (await inject('GET', `/v1/servers/${ID}/events`)).json().events.length;
    assert.equal((await inject('PATCH', `/v1/servers/${ID}/settings`, { prefix: '?' })).statusCode, 200);
    assert.equal((await inject('GET', `/v1/servers/${ID}/events`)).json().events.length, before);
  });

  it('given a long history, when paged, then pages join up without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await inject('PATCH', `/v1/servers/${ID}/settings`, { prefix: `p${i}` });
    const seen: number[] = [];
    let cursor: number | null = -1;
    while (cursor !== null) {
      const page: { events: Array<{ revision: number }>; next_cursor: number | null } = (
        await inject('GET', `/v1/servers/${ID}/events?limit=3&after=${cursor}`)
      ).json();
      seen.push(...page.events.map((e: { revision: number }) => e.revision));
      cursor = page.next_cursor;
    }
    assert.deepEqual(seen, [...Array(seen.length).keys()]);
    assert.ok(seen.length >= 10);
  });

  it('given a time window in the future, then no event matches', async () => {
    const res = await inject('GET', `/v1/servers/${ID}/events?from=2999-01-01T00:00:00Z`);
    assert.deepEqual(res.json().events, []);
  });

  it('given bad history parameters, then 400 names the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', /limit/],
      ['limit=abc', /limit/],
      ['from=yesterday', /from/],
      ['type=Not-A-Type', /type/],
      ['sort=desc', /sort/],
    ] as const) {
      const res = await inject('GET', `/v1/servers/${ID}/events?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.json().message, field);
    }
  });

  it('given an unknown guild, then reads and history answer 404', async () => {
    assert.equal((await inject('GET', '/v1/servers/1')).statusCode, 404);
    assert.equal((await inject('GET', '/v1/servers/1/events')).statusCode, 404);
  });

  it('given an invalid registration, then 400 names the field', async () => {
    const res = await inject('PUT', '/v1/servers/77', { name: 'x', owner_id: '1', member_count: -1 });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /member_count/);
  });

  it('given a bad min-position header, then 400 names it', async () => {
    const res = await inject('GET', `/v1/servers/${ID}`, undefined, { 'x-guildhall-min-position': 'soon' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().message, /x-guildhall-min-position/);
  });

  it('health reports the event store up and the guilds projection with its lag', async () => {
    const res = await inject('GET', '/health');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.details.eventstore.status, 'up');
    assert.equal(typeof body.details.projections.guilds.lag, 'number');
  });

  it('serves an OpenAPI document naming the routes', async () => {
    const res = await inject('GET', '/docs/openapi.json');
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().paths['/v1/servers/{id}/events']);
  });
});
