import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '#eventstore';
import { testEvent } from '#eventstore/testing/fixtures';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345670';
const TOKEN = 'metrics-token-for-the-e2e-tests';

describe('/metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(SERVER);
  });
  after(() => t.close());

  it('given traffic and a refused request, then a loopback scrape shows durations by route, refusals, projections and the process', async () => {
    const { key } = await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'free' });
    let refused = 0;
    for (let i = 0; i < 101; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/v2/servers/${SERVER}`,
        headers: { authorization: `Bearer ${key}` },
      });
      if (res.statusCode === 429) refused++;
    }
    assert.equal(refused, 1);

    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const body = res.body;
    assert.match(
      body,
      /guildhall_http_request_duration_seconds_count\{method="GET",route="\/v2\/servers\/:server_id",status="200"\} 100\n/,
    );
    assert.match(body, /guildhall_http_request_duration_seconds_count\{[^}]*status="429"\} 1\n/);
    assert.match(body, /guildhall_rate_limit_refusals_total\{policy="[^"]+",dialect="hexify"\} 1\n/);
    assert.match(body, /guildhall_projection_position\{projection="guilds"\} \d+/);
    assert.match(body, /guildhall_projection_lag_events\{projection="guilds"\} \d+/);
    assert.match(body, /guildhall_eventstore_head_position \d+/);
    assert.match(body, /guildhall_process_cpu_seconds_total/);
    assert.ok(!body.includes(SERVER), 'routes are labelled by pattern, not by URL');
  });

  it('given appends and a usage event analysed, then append latency and sizes, the analytics queue and players show', async () => {
    const store = t.app.get(EventStore);
    // One append of two usage events: a batch of 2, and rows for the analytics queue.
    const invoked = () =>
      testEvent('CommandInvoked', {
        guildId: SERVER,
        name: 'play',
        category: 'music',
        userId: HEXIFY_PROFILE.ownerId,
        door: 'rest',
        at: new Date().toISOString(),
      });
    await store.appendToStream(`usage-${SERVER}`, [invoked(), invoked()]);
    let body = '';
    const deadline = Date.now() + 15_000;
    // The projector inserts on its own schedule (a batch goes 200 ms after its first row).
    while (!/guildhall_analytics_batch_rows_count [1-9]/.test(body)) {
      assert.ok(Date.now() < deadline, `no analytics batch reported:\n${body}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    }
    assert.match(body, /guildhall_eventstore_append_duration_seconds_count\{outcome="appended"\} [1-9]\d*\n/);
    assert.match(body, /guildhall_eventstore_append_events_bucket\{le="2",outcome="appended"\} [1-9]\d*\n/);
    assert.match(body, /guildhall_eventstore_append_events_sum\{outcome="appended"\} [1-9]\d*\n/);
    assert.match(body, /guildhall_analytics_batch_rows_sum [2-9]\d*\n/);
    assert.match(body, /guildhall_analytics_queue_seconds_count [1-9]\d*\n/);
    assert.match(body, /guildhall_analytics_queue_rows \d+\n/);
    for (const state of ['playing', 'paused', 'voice_lost', 'idle', 'away'])
      assert.match(body, new RegExp(`guildhall_players\\{state="${state}"\\} 0\n`));
  });

  it('given a client off the loopback interface, then 403', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.7' });
    assert.equal(res.statusCode, 403);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ metricsToken: TOKEN });
  });
  after(() => t.close());

  const scrape = (authorization?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.0.0.7',
      headers: authorization ? { authorization } : {},
    });

  it('given the token as a bearer, then any address may scrape; without it 401, a wrong one 403', async () => {
    assert.equal((await scrape(`Bearer ${TOKEN}`)).statusCode, 200);
    assert.equal((await scrape()).statusCode, 401);
    assert.equal((await scrape(`Bearer ${TOKEN}-not`)).statusCode, 403);
  });
});
