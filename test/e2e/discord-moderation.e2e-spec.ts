import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { moderationStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { startFakeDiscord, type FakeDiscord } from '#test/support/discord/index';
import { startBotTestApp, type BotTestApp } from '#test/support/discord-bot';
import {
  addModeratedGuild,
  eventually,
  requestsTo,
  type ModeratedGuild,
} from '#test/support/moderated-guild';

const DELETE_MESSAGE = 'DELETE /channels/:channel/messages/:message';
const POST_MESSAGE = 'POST /channels/:channel/messages';

interface LogEntry {
  type: string;
  user_id: string;
  channel_id: string;
  message_id: string | null;
  term: string | null;
}
interface LogPage {
  entries: LogEntry[];
  next_cursor: number | null;
}

describe('auto-moderation: the word filter and the moderation log', () => {
  let discord: FakeDiscord;
  let guildhall: BotTestApp;
  let admin: string;
  let guild: ModeratedGuild;

  const get = (url: string, authorization = admin) =>
    guildhall.app.inject({ method: 'GET', url, headers: { authorization } });
  const log = async (query = '') => (await get(`/v1/servers/${guild.id}/moderation${query}`)).json<LogPage>();
  const deletionOf = (messageId: string) =>
    discord.waitForRequest((r) => r.route === DELETE_MESSAGE && r.params['message'] === messageId);

  before(async () => {
    discord = await startFakeDiscord();
    guildhall = await startBotTestApp(discord);
    admin = `Bearer ${(await guildhall.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key}`;
    guild = await addModeratedGuild(discord, guildhall, admin, 'Tavern', {
      auto_mod: { enabled: true, word_filter: ['darn', 'heck no'] },
      mod_log: true,
    });
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  it('given a filtered word, when a member posts it, then the message is deleted, the mod-log names member, term and channel, and the log records the term only', async () => {
    const text = 'Well DARN it, the secret plan is at midnight';
    const message = discord.sendMessage(guild.channels.general, guild.members.alice, text);

    const deletion = await deletionOf(message.id);
    assert.equal(deletion.params['channel'], guild.channels.general);
    const post = await discord.waitForRequest(
      (r) => r.route === POST_MESSAGE && r.params['channel'] === guild.channels['mod-log'],
    );
    const content = (post.body as { content: string }).content;
    assert.match(content, new RegExp(`<@${guild.members.alice}>`));
    assert.match(content, new RegExp(`<#${guild.channels.general}>`));
    assert.match(content, /`darn`/);
    assert.ok(!content.includes('secret plan'), 'the mod-log line repeats the message');
    assert.deepEqual((post.body as { allowed_mentions?: { parse: string[] } }).allowed_mentions?.parse, []);

    const { entries } = await eventually(async () => {
      const page = await log();
      return page.entries.length > 0 ? page : undefined;
    }, 'the moderation log entry');
    assert.deepEqual(
      entries.map((e) => [e.type, e.user_id, e.channel_id, e.message_id, e.term]),
      [['MessageFiltered', guild.members.alice, guild.channels.general, message.id, 'darn']],
    );

    const history = (await get(`/v1/servers/${guild.id}/events?type=MessageFiltered`)).json<{
      events: Array<{ stream: string; data: Record<string, unknown>; door: string; actor: { kind: string } }>;
    }>();
    assert.equal(history.events.length, 1);
    assert.equal(history.events[0].stream, moderationStreamId(guild.id));
    assert.equal(history.events[0].door, 'discord');
    assert.equal(history.events[0].actor.kind, 'system');
    assert.deepEqual(Object.keys(history.events[0].data).sort(), [
      'channelId',
      'guildId',
      'messageId',
      'term',
      'userId',
    ]);

    const stored = await guildhall.app.get(EventStore).readStream(moderationStreamId(guild.id));
    assert.equal(stored.length, 1);
    assert.ok(
      !JSON.stringify(stored).toLowerCase().includes('secret plan'),
      'the store holds the message text',
    );
  });

  it('given the guild’s history, then the moderation event sits among the guild’s own events in global order', async () => {
    const { events } = (await get(`/v1/servers/${guild.id}/events`)).json<{
      events: Array<{ type: string; position: number }>;
    }>();
    const positions = events.map((e) => e.position);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
    // The gateway's GUILD_CREATE may also reconcile roles (GuildRolesChanged) around the settings.
    const types = events.map((e) => e.type);
    assert.equal(types[0], 'GuildRegistered');
    assert.ok(types.includes('SettingsChanged'), types.join());
    assert.equal(types.at(-1), 'MessageFiltered');
  });

  it('given a filtered word inside another word, or said by a moderator, then nothing is deleted', async () => {
    const inside = discord.sendMessage(
      guild.channels.general,
      guild.members.bob,
      'that was darned good, heckno',
    );
    const byModerator = discord.sendMessage(
      guild.channels.general,
      guild.members.mod,
      'please do not say darn',
    );
    // A filtered message sent after both: once it is deleted, the two before it have been handled.
    const sentinel = discord.sendMessage(guild.channels.general, guild.members.bob, 'heck   NO!');
    await deletionOf(sentinel.id);
    assert.deepEqual(requestsTo(discord, DELETE_MESSAGE, { message: inside.id }), []);
    assert.deepEqual(requestsTo(discord, DELETE_MESSAGE, { message: byModerator.id }), []);
    const { entries } = await eventually(async () => {
      const page = await log();
      return page.entries.length === 2 ? page : undefined;
    }, 'two entries');
    assert.deepEqual(
      entries.map((e) => [e.user_id, e.term]),
      [
        [guild.members.alice, 'darn'],
        [guild.members.bob, 'heck no'],
      ],
    );
  });

  it('given more entries than a page, then pages join up without gaps or repeats', async () => {
    const third = discord.sendMessage(guild.channels.general, guild.members.alice, 'darn again');
    await deletionOf(third.id);
    await eventually(async () => ((await log()).entries.length === 3 ? true : undefined), 'three entries');
    const first = await log('?limit=2');
    assert.equal(first.entries.length, 2);
    assert.notEqual(first.next_cursor, null);
    const second = await log(`?limit=2&after=${first.next_cursor}`);
    assert.equal(second.next_cursor, null);
    assert.deepEqual(
      [...first.entries, ...second.entries].map((e) => e.message_id),
      (await log()).entries.map((e) => e.message_id),
    );
    assert.equal(second.entries[0].message_id, third.id);
  });

  it('given bad paging parameters, then 400 names the parameter', async () => {
    for (const [query, field] of [
      ['limit=0', /limit/],
      ['limit=501', /limit/],
      ['after=x', /after/],
    ] as const) {
      const res = await get(`/v1/servers/${guild.id}/moderation?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.json().message, field);
    }
  });

  it('given a key bound to another guild, then 403; the guild’s own key reads; an unknown guild is 404', async () => {
    const other = await guildhall.issueKey(guild.members.alice, { guildId: '123456789012345678' });
    assert.equal((await get(`/v1/servers/${guild.id}/moderation`, `Bearer ${other.key}`)).statusCode, 403);
    const own = await guildhall.issueKey(guild.members.mod, { guildId: guild.id });
    assert.equal((await get(`/v1/servers/${guild.id}/moderation`, `Bearer ${own.key}`)).statusCode, 200);
    assert.equal((await get('/v1/servers/999999999999999999/moderation')).statusCode, 404);
  });
});
