import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueryBus } from '@nestjs/cqrs';
import { GetMemberVoiceChannelQuery, IsVoiceChannelQuery } from '#core';
import { OnlineCountRecorder } from '#bot/listeners/presence/online-count-recorder';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { voiceState } from '#test/support/discord/payloads';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';
import { countOf, eventually, GatewayEvents, guildEventTypes } from '#test/support/gateway-events';

const MEMBERS = 50;
const SAMPLE_MS = 1_000;

describe('live state from the Discord gateway: presences, resumes, voice', () => {
  let discord: FakeDiscord;
  let gateway: GatewayEvents;
  let guildhall: BotTestApp;
  let key: string;
  let guildId: string;
  let userIds: string[];
  let stage: string;
  let general: string;

  before(async () => {
    discord = await startFakeDiscord();
    gateway = new GatewayEvents(discord);
    const guild = discord.addGuild({
      name: 'Firehose',
      channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }],
      members: Array.from({ length: MEMBERS }, (_, i) => ({
        username: `member${i}`,
        status: i < 10 ? ('online' as const) : ('offline' as const),
        ...(i === 0 ? { voiceChannel: 'Stage' } : {}),
      })),
    });
    guildId = guild.id;
    userIds = [...guild.members.keys()].filter((id) => id !== discord.bot.id);
    [general, stage] = [...guild.channels.keys()];
    guildhall = await startBotTestApp(discord, { presenceSampleMs: SAMPLE_MS });
    key = (await guildhall.issueKey('1', { scopes: ['admin'], tier: 'enterprise' })).key;
    await eventually(
      () => guildEventTypes(guildhall, guildId),
      (t) => t.includes('GuildRegistered'),
    );
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  // Hush allows 60 requests a minute per server: poll its stats at most a few times a second.
  const POLL_MS = 500;
  const online = async () => {
    const res = await guildhall.app.inject({
      method: 'GET',
      url: `/v1/servers/${guildId}/stats`,
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ online: number; members: number }>();
  };

  it('given a burst of 10,000 presence updates, then the online count follows with a handful of sampled events', async () => {
    assert.equal((await online()).online, 10, 'seeded from GUILD_CREATE');
    const before = countOf(await guildEventTypes(guildhall, guildId), 'OnlineCountSampled');

    // when: members go online, idle and offline, 10,000 times
    for (let i = 0; i < 10_000; i++) {
      const status = (['online', 'idle', 'offline'] as const)[(i * 7) % 3];
      gateway.presence(guildId, userIds[(i * 13) % MEMBERS], status);
    }
    const expected = discord.state.guild(guildId)!.presences.size;

    // then: the live count matches Discord's, and Hush shows it once sampled
    const recorder = guildhall.app.get(OnlineCountRecorder);
    const live = await eventually(
      () => recorder.sampler.liveCount(guildId),
      (n) => n === expected,
      20_000,
    );
    assert.equal(live, expected);
    const stats = await eventually(online, (s) => s.online === expected, 3 * SAMPLE_MS + 6_000, POLL_MS);
    assert.equal(stats.online, expected);
    const samples = countOf(await guildEventTypes(guildhall, guildId), 'OnlineCountSampled') - before;
    assert.ok(samples >= 1 && samples <= 5, `${samples} OnlineCountSampled events for 10,000 presences`);
  });

  it('given a dropped connection, when members join meanwhile, then discord.js resumes and each join is recorded once', async () => {
    const before = await guildEventTypes(guildhall, guildId);
    const members = (await online()).members;
    const identifies = discord.stats(0).identifies;

    discord.dropConnection(0);
    for (let i = 0; i < 3; i++) gateway.memberJoins(guildId, `late${i}`);

    const after = await eventually(
      () => guildEventTypes(guildhall, guildId),
      (t) => countOf(t, 'MemberJoined') >= countOf(before, 'MemberJoined') + 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const final = await guildEventTypes(guildhall, guildId);
    assert.deepEqual(final, after, 'nothing more arrives later');
    assert.deepEqual(final.slice(before.length), ['MemberJoined', 'MemberJoined', 'MemberJoined']);
    assert.equal(discord.stats(0).resumes, 1, 'a RESUME');
    assert.equal(discord.stats(0).identifies, identifies, 'no new session');
    assert.equal(
      (await eventually(online, (s) => s.members === members + 3, 10_000, POLL_MS)).members,
      members + 3,
    );
  });

  it('given voice states, then every door can ask who is in which voice channel', async () => {
    const queries = guildhall.app.get(QueryBus);
    const first = userIds[0];
    assert.equal(await queries.execute(new GetMemberVoiceChannelQuery(guildId, first)), stage);
    assert.equal(await queries.execute(new IsVoiceChannelQuery(guildId, stage)), true);
    assert.equal(await queries.execute(new IsVoiceChannelQuery(guildId, general)), false);
    assert.equal(await queries.execute(new IsVoiceChannelQuery('1', stage)), undefined, 'unknown guild');

    const member = discord.state.guild(guildId)!.members.get(userIds[1])!;
    discord.dispatch(guildId, 'VOICE_STATE_UPDATE', voiceState(guildId, stage, member));
    discord.dispatch(
      guildId,
      'VOICE_STATE_UPDATE',
      voiceState(guildId, null, discord.state.guild(guildId)!.members.get(first)!),
    );
    const moved = await eventually(
      () => queries.execute(new GetMemberVoiceChannelQuery(guildId, userIds[1])),
      (channel) => channel === stage,
    );
    assert.equal(moved, stage);
    assert.equal(await queries.execute(new GetMemberVoiceChannelQuery(guildId, first)), null);
  });
});
