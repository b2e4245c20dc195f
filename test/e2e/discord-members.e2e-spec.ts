import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { Analytics, UpdateGuildCommand, systemContext } from '#core';
import { guildStreamId, usageStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';
import { countOf, eventually, GatewayEvents, guildEventTypes } from '#test/support/gateway-events';

interface Stats {
  members: number;
  bots: number;
  online: number;
}

describe('members on the Discord gateway', () => {
  let discord: FakeDiscord;
  let gateway: GatewayEvents;
  let guildhall: BotTestApp;
  let key: string;
  let guildId: string;
  let roles: Map<string, string>;
  let general: string;

  before(async () => {
    discord = await startFakeDiscord();
    gateway = new GatewayEvents(discord);
    const guild = discord.addGuild({
      name: 'Hush Community',
      roles: [{ name: 'Admin' }, { name: 'Member' }],
      members: [{ username: 'owner', roles: ['Admin'], status: 'online' }],
    });
    guildId = guild.id;
    roles = new Map([...guild.roles.values()].map((role) => [role.name, role.id]));
    general = [...guild.channels.keys()][0];
    guildhall = await startBotTestApp(discord);
    key = (await guildhall.issueKey('1', { scopes: ['admin'], tier: 'enterprise' })).key;
    await eventually(
      () => guildEventTypes(guildhall, guildId),
      (t) => t.includes('GuildRegistered'),
    );
    // Hexify's analytics are for Premium servers; premium is Guildhall's flag, not Discord's.
    await guildhall.app
      .get(CommandBus)
      .execute(new UpdateGuildCommand(guildId, { premium: true }, systemContext('system', 'test')));
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  const get = (url: string) =>
    guildhall.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  const stats = async () => (await get(`/v1/servers/${guildId}/stats`)).json<Stats>();

  it('given members joining and leaving, then Hush’s stats and Hexify’s joins and leaves today follow them', async () => {
    const before = await eventually(stats, (s) => s.members === 2);
    assert.deepEqual(before, { members: 2, bots: 1, online: 1 }, 'the owner and Guildhall’s bot');

    // when
    const dave = gateway.memberJoins(guildId, 'dave', { roles: [roles.get('Member')!] });
    gateway.memberJoins(guildId, 'music-bot', { bot: true });
    const erin = gateway.memberJoins(guildId, 'erin');
    gateway.memberLeaves(guildId, erin.id);

    // then: the leave is the last of the four dispatches (2 + 3 joins reaches 4 members before it)
    const types = await eventually(
      () => guildEventTypes(guildhall, guildId),
      (all) => countOf(all, 'MemberLeft') === 1,
    );
    assert.deepEqual([countOf(types, 'MemberJoined'), countOf(types, 'MemberLeft')], [3, 1]);
    const after = await eventually(stats, (s) => s.members === 4 && s.bots === 2);
    assert.deepEqual(after, { members: 4, bots: 2, online: 1 });
    const last = (await guildhall.app.get(EventStore).readStream(guildStreamId(guildId))).at(-1)!;
    assert.ok(await guildhall.app.get(Analytics).projector.waitForPosition(last.position, 20_000));
    const analytics = await get(`/v2/servers/${guildId}/analytics`);
    assert.equal(analytics.statusCode, 200, analytics.body);
    assert.deepEqual(analytics.json<{ member_growth: unknown }>().member_growth, {
      joins_today: 3,
      leaves_today: 1,
      net_growth: 2,
    });
    assert.ok(dave.id);
  });

  it('given a member who joined, then Hush serves the user with their name and role names, and follows their roles', async () => {
    const frank = gateway.memberJoins(guildId, 'frank', { roles: [roles.get('Member')!] });
    const user = async () => (await get(`/v1/users/${frank.id}`)).json<Record<string, unknown>>();
    assert.deepEqual(await eventually(user, (u) => u.id === frank.id), {
      id: frank.id,
      username: 'frank',
      roles: ['Member'],
    });

    gateway.memberRolesChange(guildId, frank.id, [roles.get('Admin')!, roles.get('Member')!]);
    const changed = await eventually(user, (u) => (u.roles as string[]).length === 2);
    assert.deepEqual(changed.roles, ['Member', 'Admin'], 'highest role first');
  });

  it('given messages, then each member counts as active once per window, never with the content', async () => {
    const owner = discord.state.guild(guildId)!.ownerId;
    const gina = gateway.memberJoins(guildId, 'gina');
    discord.sendMessage(general, owner, 'hello');
    discord.sendMessage(general, owner, 'hello again');
    discord.sendMessage(general, gina.id, 'secret words');
    discord.sendMessage(general, owner, 'and once more');

    const store = guildhall.app.get(EventStore);
    const usage = await eventually(
      () => store.readStream(usageStreamId(guildId)),
      (events) =>
        countOf(
          events.map((e) => e.type),
          'MemberActive',
        ) >= 2,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const active = (await store.readStream(usageStreamId(guildId))).filter((e) => e.type === 'MemberActive');
    assert.deepEqual(
      active.map((e) => (e.data as { userId: string }).userId).sort(),
      [owner, gina.id].sort(),
    );
    assert.deepEqual(
      active.map((e) => (e.data as { channelId: string }).channelId),
      [general, general],
    );
    assert.ok(!JSON.stringify(usage).includes('secret'), 'no message content is stored');
  });
});
