import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiMember } from '#test/support/discord/payloads';
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
const PATCH_MEMBER = 'PATCH /guilds/:guild/members/:user';

interface LogEntry {
  type: string;
  user_id: string;
  timeout: {
    reason: string;
    until: string;
    duration_seconds: number;
    messages: number;
    window_seconds: number;
  } | null;
}

describe('auto-moderation: spam protection, switches and welcomes', () => {
  let discord: FakeDiscord;
  let guildhall: BotTestApp;
  let admin: string;
  let guarded: ModeratedGuild;
  let relaxed: ModeratedGuild;

  const log = async (guild: ModeratedGuild) =>
    (
      await guildhall.app.inject({
        method: 'GET',
        url: `/v1/servers/${guild.id}/moderation`,
        headers: { authorization: admin },
      })
    ).json<{ entries: LogEntry[] }>().entries;
  /** A filtered message in `guild`, waited for: messages sent before it in that guild were handled. */
  const settle = async (guild: ModeratedGuild) => {
    const sentinel = discord.sendMessage(guild.channels.general, guild.members.alice, 'darn');
    await discord.waitForRequest((r) => r.route === DELETE_MESSAGE && r.params['message'] === sentinel.id);
  };

  before(async () => {
    discord = await startFakeDiscord();
    guildhall = await startBotTestApp(discord);
    admin = `Bearer ${(await guildhall.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key}`;
    guarded = await addModeratedGuild(discord, guildhall, admin, 'Guarded', {
      auto_mod: { enabled: true, spam_protection: true, word_filter: ['darn'] },
      mod_log: true,
      welcome: true,
    });
    relaxed = await addModeratedGuild(discord, guildhall, admin, 'Relaxed', {
      auto_mod: { enabled: false, spam_protection: true, word_filter: ['darn'] },
      mod_log: true,
    });
  });
  after(async () => {
    await guildhall?.close();
    await discord?.stop();
  });

  it('given spam protection, when a member posts 10 messages at once, then one timeout, one record and one mod-log line', async () => {
    const started = Date.now();
    for (let i = 0; i < 10; i++)
      discord.sendMessage(guarded.channels.general, guarded.members.bob, `buy now ${i}`);
    const timeout = await discord.waitForRequest(
      (r) => r.route === PATCH_MEMBER && r.params['user'] === guarded.members.bob,
    );
    const until = Date.parse(
      (timeout.body as { communication_disabled_until: string }).communication_disabled_until,
    );
    // The documented default: 10 minutes.
    assert.ok(
      until >= started + 600_000 && until <= Date.now() + 600_000,
      `timed out until ${new Date(until).toISOString()}`,
    );
    await settle(guarded);
    // The second burst of five tripped the rule again, and the domain saw the member still timed out.
    assert.equal(requestsTo(discord, PATCH_MEMBER, { user: guarded.members.bob }).length, 1);
    const lines = requestsTo(discord, POST_MESSAGE, { channel: guarded.channels['mod-log'] }).filter((r) =>
      (r.body as { content: string }).content.startsWith('⏳'),
    );
    assert.equal(lines.length, 1);
    assert.match(
      (lines[0].body as { content: string }).content,
      new RegExp(`<@${guarded.members.bob}> for 10 minutes: 5 messages in 5 seconds`),
    );
    const timeouts = await eventually(async () => {
      const entries = (await log(guarded)).filter((e) => e.type === 'MemberTimedOut');
      return entries.length > 0 ? entries : undefined;
    }, 'the timeout in the log');
    assert.equal(timeouts.length, 1);
    assert.equal(timeouts[0].user_id, guarded.members.bob);
    assert.deepEqual(
      { ...timeouts[0].timeout, until: undefined },
      { reason: 'spam', until: undefined, duration_seconds: 600, messages: 5, window_seconds: 5 },
    );
  });

  it('given a member who posts four messages, then nothing happens to them', async () => {
    for (let i = 0; i < 4; i++)
      discord.sendMessage(guarded.channels.general, guarded.members.owner, `hello ${i}`);
    await settle(guarded);
    assert.deepEqual(requestsTo(discord, PATCH_MEMBER, { user: guarded.members.owner }), []);
  });

  it('given auto_mod disabled, when members post filtered words and spam, then nothing is deleted, timed out, posted or recorded', async () => {
    const filtered = discord.sendMessage(relaxed.channels.general, relaxed.members.alice, 'darn it');
    for (let i = 0; i < 10; i++)
      discord.sendMessage(relaxed.channels.general, relaxed.members.bob, `spam ${i}`);
    // Handled after everything sent before it on the same connection, and given time to act.
    await settle(guarded);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(requestsTo(discord, DELETE_MESSAGE, { message: filtered.id }), []);
    assert.deepEqual(requestsTo(discord, PATCH_MEMBER, { guild: relaxed.id }), []);
    assert.deepEqual(requestsTo(discord, POST_MESSAGE, { channel: relaxed.channels['mod-log'] }), []);
    assert.deepEqual(await log(relaxed), []);
  });

  it('given a welcome channel, when a member joins, then the welcome message mentions them there', async () => {
    const newcomer = discord.addUser('newcomer');
    discord.dispatch(guarded.id, 'GUILD_MEMBER_ADD', {
      ...apiMember(newcomer, [], new Date().toISOString()),
      guild_id: guarded.id,
    });
    const welcome = await discord.waitForRequest(
      (r) => r.route === POST_MESSAGE && r.params['channel'] === guarded.channels.welcome,
    );
    const body = welcome.body as { content: string; allowed_mentions: { users: string[] } };
    assert.match(body.content, new RegExp(`Welcome to \\*\\*Guarded\\*\\*, <@${newcomer.id}>`));
    assert.deepEqual(body.allowed_mentions.users, [newcomer.id]);
  });

  it('given no welcome channel, or a bot joining, then no welcome is posted', async () => {
    const before = discord.requests.filter((r) => r.route === POST_MESSAGE).length;
    const robot = discord.addUser('robot', true);
    discord.dispatch(guarded.id, 'GUILD_MEMBER_ADD', {
      ...apiMember(robot, [], new Date().toISOString()),
      guild_id: guarded.id,
    });
    const human = discord.addUser('human');
    discord.dispatch(relaxed.id, 'GUILD_MEMBER_ADD', {
      ...apiMember(human, [], new Date().toISOString()),
      guild_id: relaxed.id,
    });
    await settle(guarded);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const posts = discord.requests.filter((r) => r.route === POST_MESSAGE).slice(before);
    // Only the sentinel's mod-log line.
    assert.deepEqual(
      posts.map((r) => r.params['channel']),
      [guarded.channels['mod-log']],
    );
  });
});
