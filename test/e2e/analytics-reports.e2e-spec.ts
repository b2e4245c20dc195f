import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { Analytics, Projections, RecordMembershipCommand, systemContext } from '#core';
import { EventStore } from '#eventstore';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';
const BOT = '847291032847';

describe('BotNexus activity reports: who may report, what is plausible, and voiding', () => {
  let t: TestApp;
  const keys: Record<'owner' | 'bot' | 'admin' | 'boundAdmin', string> = {
    owner: '',
    bot: '',
    admin: '',
    boundAdmin: '',
  };
  before(async () => {
    t = await startTestApp();
    await t.registerGuild(GUILD, { memberCount: 1250 });
    keys.owner = (await t.issueKey(OWNER, { tier: 'enterprise' })).key;
    keys.bot = (await t.issueKey('5647382910', { scopes: [`bot:${BOT}`] })).key;
    keys.admin = (await t.issueKey('1', { scopes: ['admin'] })).key;
    keys.boundAdmin = (await t.issueKey('1', { scopes: ['admin'], guildId: '42' })).key;
  });
  after(() => t.close());
  /** The instants of every report accepted, to void them all. */
  const reported: string[] = [];

  const submit = (key: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/analytics/submit',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
  const activeUsers = async (): Promise<{ daily: number; weekly: number; monthly: number }> => {
    const head = await t.app.get(EventStore).headPosition();
    assert.ok(await t.app.get(Analytics).projector.waitForPosition(head, 20_000));
    const res = await t.app.inject({
      method: 'GET',
      url: `/v2/servers/${GUILD}/analytics`,
      headers: { authorization: `Bearer ${keys.owner}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().active_users;
  };

  it('given a bot that is not in the guild, when its key reports 987,654 active users, then 403 and analytics do not show it', async () => {
    const res = await submit(keys.bot, { server_id: GUILD, active_users: 987654 });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().code, 'not_in_guild');
    const usage = await t.app.get(EventStore).readStream(`usage-${GUILD}`);
    assert.equal(usage.length, 0, 'nothing was recorded');
  });

  it('given the bot installed (joined as a member), when it reports more users than the guild has members, then 400 naming active_users', async () => {
    const joined = await t.app
      .get(CommandBus)
      .execute(new RecordMembershipCommand(GUILD, BOT, true, systemContext('system', 'test'), { bot: true }));
    assert.ok(await t.app.get(Projections).waitFor('guild-bots', joined.position as number, 5_000));
    const res = await submit(keys.bot, { server_id: GUILD, active_users: 987654 });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().field, 'active_users');
    assert.match(res.json().message, /active_users/);
  });

  it('given the bot installed, when it reports a plausible figure, then 201 and Hexify shows it', async () => {
    const res = await submit(keys.bot, { server_id: GUILD, active_users: 900 });
    assert.equal(res.statusCode, 201, res.body);
    reported.push(res.json().timestamp);
    assert.deepEqual(await activeUsers(), { daily: 900, weekly: 900, monthly: 900 });
  });

  it('given that report, when a bot key or a bound admin key voids it, then 403', async () => {
    const [timestamp] = reported;
    for (const key of [keys.bot, keys.boundAdmin]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/v1/servers/${GUILD}/analytics/reports/void`,
        headers: { authorization: `Bearer ${key}` },
        payload: { timestamp },
      });
      assert.equal(res.statusCode, 403, res.body);
    }
  });

  it('given that report, when an admin voids it, then Hexify analytics no longer show it; voiding again writes nothing', async () => {
    const [timestamp] = reported;
    const voidIt = () =>
      t.app.inject({
        method: 'POST',
        url: `/v1/servers/${GUILD}/analytics/reports/void`,
        headers: { authorization: `Bearer ${keys.admin}` },
        payload: { timestamp, reason: 'figure from a test' },
      });
    const res = await voidIt();
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().voided, true);
    assert.deepEqual(await activeUsers(), { daily: 0, weekly: 0, monthly: 0 });
    assert.equal((await voidIt()).json().voided, false);
    const usage = await t.app.get(EventStore).readStream(`usage-${GUILD}`);
    assert.equal(usage.filter((e) => e.type === 'ActivityReportVoided').length, 1);
  });
});
