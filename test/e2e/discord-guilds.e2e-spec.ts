import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';
import { countOf, eventually, guildEventTypes } from '#test/support/gateway-events';

describe('guilds from the Discord gateway', () => {
  let discord: FakeDiscord;
  let guildhall: BotTestApp;
  let key: string;
  let guildId: string;

  before(async () => {
    discord = await startFakeDiscord();
    guildId = discord.addGuild({
      name: 'Tavern',
      roles: [{ name: 'Admin' }, { name: 'Member' }],
      channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }],
      members: [
        { username: 'alice', roles: ['Admin'], status: 'online', voiceChannel: 'Stage' },
        { username: 'bob', roles: ['Member'], status: 'idle' },
        { username: 'carol', status: 'offline' },
        { username: 'helper-bot', bot: true, status: 'online' },
      ],
      features: ['COMMUNITY'],
    }).id;
    guildhall = await startBotTestApp(discord);
    key = (await guildhall.issueKey('1', { scopes: ['admin'], tier: 'enterprise' })).key;
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  const get = (url: string) =>
    guildhall.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  const server = async () => (await get(`/v1/servers/${guildId}`)).json<Record<string, unknown>>();

  it('given a guild arriving on the gateway, then Hexify serves it with the gateway’s name and member count', async () => {
    const res = await eventually(
      () => get(`/v2/servers/${guildId}`),
      (r) => r.statusCode === 200,
    );
    assert.equal(res.statusCode, 200);
    const body = res.json<{ name: string; member_count: number; premium: boolean; features: string[] }>();
    // alice, bob, carol, helper-bot and Guildhall's own bot
    assert.deepEqual(
      { name: body.name, member_count: body.member_count, premium: body.premium, features: body.features },
      { name: 'Tavern', member_count: 5, premium: false, features: [] },
    );
    const canonical = await server();
    assert.deepEqual(
      [canonical.owner_id, canonical.bot_count, canonical.online_count, canonical.removed_at],
      [discord.state.guild(guildId)!.ownerId, 2, 3, null],
    );
    const types = await guildEventTypes(guildhall, guildId);
    assert.deepEqual(types, ['GuildRegistered', 'GuildRolesChanged', 'GuildDiscordFeaturesChanged']);
  });

  it('given the guild recorded, when a new session brings a fresh GUILD_CREATE with nothing changed, then nothing is appended', async () => {
    const before = await guildEventTypes(guildhall, guildId);
    const available = once(guildhall.client, 'guildAvailable', { signal: AbortSignal.timeout(15_000) });
    discord.invalidateSession(0, false);
    await available;
    assert.equal(discord.stats(0).identifies, 2, 'a new session, not a resume');
    // The listener's reconcile is asynchronous: give it time to write what it would write.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await guildEventTypes(guildhall, guildId), before);
  });

  it('given the guild renamed while the bot was away, when the next GUILD_CREATE arrives, then only the name is updated', async () => {
    const before = (await guildEventTypes(guildhall, guildId)).length;
    discord.state.guild(guildId)!.name = 'Tavern Reborn';
    const available = once(guildhall.client, 'guildAvailable', { signal: AbortSignal.timeout(15_000) });
    discord.invalidateSession(0, false);
    await available;
    const types = await eventually(
      () => guildEventTypes(guildhall, guildId),
      (t) => t.length > before,
    );
    assert.deepEqual(types.slice(before), ['GuildUpdated']);
    const res = await eventually(
      () => get(`/v2/servers/${guildId}`),
      (r) => r.json<{ name: string }>().name === 'Tavern Reborn',
    );
    assert.equal(res.json<{ name: string }>().name, 'Tavern Reborn');
  });

  it('given an outage (GUILD_DELETE with unavailable), then nothing is recorded', async () => {
    const before = await guildEventTypes(guildhall, guildId);
    const unavailable = once(guildhall.client, 'guildUnavailable', { signal: AbortSignal.timeout(5_000) });
    discord.dispatch(guildId, 'GUILD_DELETE', { id: guildId, unavailable: true });
    await unavailable;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await guildEventTypes(guildhall, guildId), before);
  });

  it('given the bot removed (GUILD_DELETE), then the removal is recorded once and the guild stays readable as history', async () => {
    discord.dispatch(guildId, 'GUILD_DELETE', { id: guildId });
    const types = await eventually(
      () => guildEventTypes(guildhall, guildId),
      (t) => t.includes('BotRemovedFromGuild'),
    );
    assert.equal(countOf(types, 'BotRemovedFromGuild'), 1);
    const canonical = await eventually(server, (body) => body.removed_at !== null);
    assert.equal(typeof canonical.removed_at, 'string');
    assert.equal(canonical.name, 'Tavern Reborn');
    const hexify = await get(`/v2/servers/${guildId}`);
    assert.equal(hexify.statusCode, 200);
    assert.equal(hexify.json<{ member_count: number }>().member_count, 5);
    const history = (await get(`/v1/servers/${guildId}/events?type=BotRemovedFromGuild`)).json<{
      events: { type: string; door: string }[];
    }>();
    assert.deepEqual(
      history.events.map((e) => [e.type, e.door]),
      [['BotRemovedFromGuild', 'discord']],
    );
  });
});
