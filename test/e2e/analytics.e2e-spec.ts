import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { Analytics, RecordUsageCommand, systemContext } from '#core';
import { EventStore } from '#eventstore';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const FREE_GUILD = '223456789012345678';
const OWNER = '210987654321098765';

describe('analytics over HTTP (embedded chDB)', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(GUILD);
    await t.registerGuild(FREE_GUILD, { premium: false });
    key = (await t.issueKey(OWNER)).key;
  });
  after(() => t.close());

  const request = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers = {}) =>
    t.app.inject({
      method,
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${key}`, ...headers },
    });

  /** Waits until the projector has everything the store holds. */
  async function projected(): Promise<void> {
    const head = await t.app.get(EventStore).headPosition();
    assert.ok(await t.app.get(Analytics).projector.waitForPosition(head, 20_000));
  }

  it('given a REST settings change, then its invocation is recorded once with door, actor and user', async () => {
    const res = await request('PATCH', `/v1/servers/${GUILD}/settings`, { prefix: '?' });
    assert.equal(res.statusCode, 200);
    const usage = await t.app.get(EventStore).readStream(`usage-${GUILD}`);
    assert.equal(usage.length, 1);
    assert.deepEqual(
      { ...(usage[0].data as object), at: undefined, actor: undefined },
      {
        guildId: GUILD,
        name: 'settings',
        category: 'utility',
        userId: OWNER,
        door: 'rest',
        at: undefined,
        actor: undefined,
      },
    );
  });

  it('given usage facts from the Discord door, then Hexify analytics count them, today included', async () => {
    const context = { ...systemContext('discord'), actor: { kind: 'discord-user' as const, id: '42' } };
    const yesterday = new Date(Date.now() - 86_400_000 * 1.5).toISOString();
    await t.app.get(CommandBus).execute(
      new RecordUsageCommand(
        GUILD,
        [
          {
            type: 'RecordCommandInvocation',
            name: 'play',
            category: 'music',
            userId: '42',
            actor: 'x',
            door: 'discord',
          },
          {
            type: 'RecordCommandInvocation',
            name: 'ban',
            category: 'moderation',
            userId: '43',
            actor: 'x',
            door: 'discord',
            at: yesterday,
          },
          { type: 'RecordMemberActivity', userId: '44', channelId: '1' },
        ],
        context,
      ),
    );
    await projected();
    const res = await request('GET', `/v2/servers/${GUILD}/analytics`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      commands_used: { total: 3, today: 2, breakdown: { music: 1, moderation: 1, fun: 0, utility: 1 } },
      active_users: { daily: 3, weekly: 4, monthly: 4 },
      member_growth: { joins_today: 0, leaves_today: 0, net_growth: 0 },
    });
  });

  it('given a server that is not premium, then Hexify analytics answer 403 and name Premium', async () => {
    const res = await request('GET', `/v2/servers/${FREE_GUILD}/analytics`);
    assert.equal(res.statusCode, 403);
    assert.match(res.json().message, /Premium/);
  });

  it('given the commands, then the canonical series, top commands and CSV agree', async () => {
    const series = await request(
      'GET',
      `/v1/servers/${GUILD}/analytics/timeseries?metric=commands&interval=day`,
    );
    assert.equal(series.statusCode, 200);
    const points = series.json().points as { value: number }[];
    assert.equal(points.length, 31);
    assert.equal(
      points.reduce((s, p) => s + p.value, 0),
      3,
    );
    const top = await request('GET', `/v1/servers/${GUILD}/analytics/top-commands`);
    assert.equal(top.json().commands.length, 3);
    const csv = await request('GET', `/v1/servers/${GUILD}/analytics/top-commands`, undefined, {
      accept: 'text/csv',
    });
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.equal(csv.body.split('\r\n')[0], 'name,category,count');
    const bad = await request('GET', `/v1/servers/${GUILD}/analytics/timeseries?metric=bogus`);
    assert.equal(bad.statusCode, 400);
  });

  it("given the canonical summary and top tracks, then Hexify's body plus the zone, and a track list as JSON or CSV", async () => {
    // given the commands recorded above, and no track played
    // when the canonical summary and the track ranking are read
    const summary = await request('GET', `/v1/servers/${GUILD}/analytics`);
    const tracks = await request('GET', `/v1/servers/${GUILD}/analytics/top-tracks?limit=5`);
    const csv = await request('GET', `/v1/servers/${GUILD}/analytics/top-tracks`, undefined, {
      accept: 'text/csv',
    });
    // then the summary is Hexify's shape with the guild's zone, and nothing has been played
    assert.equal(summary.statusCode, 200);
    assert.equal(summary.json().time_zone, 'UTC');
    assert.ok(summary.json().commands_used.total >= 3);
    assert.deepEqual(tracks.json(), { tracks: [] });
    assert.equal(csv.body, 'identifier,title,author,plays\r\n');
  });

  it('given BotNexus submissions, then JSON only, a missing timestamp means now, and a resubmission writes nothing', async () => {
    const body = { server_id: GUILD, active_users: 482 };
    const first = await request('POST', '/v1/analytics/submit', body);
    assert.equal(first.statusCode, 201, first.body);
    const stamped = { ...body, timestamp: Math.floor(Date.now() / 1000) - 60 };
    assert.equal((await request('POST', '/v1/analytics/submit', stamped)).statusCode, 201);
    const again = await request('POST', '/v1/analytics/submit', {
      ...stamped,
      timestamp: stamped.timestamp * 1000,
    });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().created, false);
    const form = await request('POST', '/v1/analytics/submit', 'server_id=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.statusCode, 415);
    const future = await request('POST', '/v1/analytics/submit', {
      ...body,
      timestamp: new Date(Date.now() + 3_600_000).toISOString(),
    });
    assert.equal(future.statusCode, 400);
    assert.match(future.json().message, /timestamp/);
    const old = await request('POST', '/v1/analytics/submit', { ...body, timestamp: '2020-01-01T00:00:00Z' });
    assert.equal(old.statusCode, 400);
    await projected();
    const res = await request('GET', `/v2/servers/${GUILD}/analytics`);
    assert.equal(res.json().active_users.daily, 482, 'the bot reported more users than were seen');
  });
});

describe('analytics store unavailable (CLICKHOUSE_URL at a closed port)', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await startTestApp({ clickhouseUrl: 'http://127.0.0.1:9', analyticsTimeoutMs: 2_000 });
    await t.registerGuild(GUILD);
    key = (await t.issueKey(OWNER)).key;
  });
  after(() => t.close());

  it('then analytics answer 503 and the rest of the API answers as usual', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const analytics = await t.app.inject({ method: 'GET', url: `/v2/servers/${GUILD}/analytics`, headers });
    assert.equal(analytics.statusCode, 503);
    assert.equal(analytics.headers['retry-after'], '1');
    const series = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${GUILD}/analytics/timeseries`,
      headers,
    });
    assert.equal(series.statusCode, 503);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/v2/servers/${GUILD}`, headers })).statusCode,
      200,
    );
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${GUILD}/settings`,
      headers,
      payload: { prefix: '$' },
    });
    assert.equal(write.statusCode, 200);
    const submit = await t.app.inject({
      method: 'POST',
      url: '/v1/analytics/submit',
      headers,
      payload: { server_id: GUILD, active_users: 5 },
    });
    assert.equal(submit.statusCode, 201, 'reports go to the event store, not to ClickHouse');
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.equal(health.json().info.analytics.available, false);
  });
});
