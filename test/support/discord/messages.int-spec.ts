import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DiscordAPIError,
  GatewayIntentBits,
  Partials,
  PermissionFlagsBits,
  type GuildMember,
  type Client,
  type Message,
} from 'discord.js';
import { readyBot, nextEvent } from './bot-client';
import { startFakeDiscord, type FakeDiscord, type StoredGuild } from './index';

// Messages, DMs, deletions and timeouts made by discord.js, as the tests of the bot door will check them.

async function withBot(
  test: (discord: FakeDiscord, client: Client, guild: StoredGuild) => Promise<void>,
  intents?: GatewayIntentBits[],
) {
  const discord = await startFakeDiscord();
  try {
    const guild = discord.addGuild({
      name: 'Tavern',
      roles: [{ name: 'Admin', permissions: PermissionFlagsBits.Administrator }],
      members: [{ username: 'owner' }, { username: 'alice', roles: ['Admin'] }, { username: 'bob' }],
    });
    // DMs reach messageCreate only with the Channel partial, as with real Discord.
    const client = await readyBot(discord, { partials: [Partials.Channel], ...(intents ? { intents } : {}) });
    try {
      await test(discord, client, guild);
    } finally {
      await client.destroy();
    }
  } finally {
    await discord.stop();
  }
}

const general = (guild: StoredGuild) => [...guild.channels.values()][0]!.id;
const userId = (guild: StoredGuild, name: string) =>
  [...guild.members.values()].find((m) => m.user.username === name)!.user.id;

describe('Local Discord, messages and moderation with discord.js', () => {
  it('given the bot sends through channel.send, then the POST is recorded with its content', () =>
    withBot(async (discord, client, guild) => {
      const channel = await client.channels.fetch(general(guild));
      assert.ok(channel?.isSendable());
      const sent = await channel.send('Welcome, bob!');
      const post = await discord.waitForRequest((r) => r.route === 'POST /channels/:channel/messages');
      assert.equal(post.params['channel'], general(guild));
      assert.equal(post.body['content'], 'Welcome, bob!');
      assert.equal(sent.id, (post.response as { id: string }).id);
    }));

  it('given a member posts, then messageCreate has the content, and the bot deleting it is recorded and dispatched', () =>
    withBot(async (discord, client, guild) => {
      const created = nextEvent<[Message]>(client, 'messageCreate');
      const posted = discord.sendMessage(general(guild), userId(guild, 'bob'), 'h!play never gonna');
      const [message] = await created;
      assert.equal(message.content, 'h!play never gonna');
      assert.equal(message.member?.user.username, 'bob');
      const deleted = nextEvent<[Message]>(client, 'messageDelete');
      await message.delete();
      const [gone] = await deleted;
      assert.equal(gone.id, posted.id);
      const request = await discord.waitForRequest(
        (r) => r.route === 'DELETE /channels/:channel/messages/:message',
      );
      assert.equal(request.status, 204);
      await assert.rejects(
        message.delete(),
        (error) => error instanceof DiscordAPIError && error.code === 10008,
      );
    }));

  it('given no Message Content intent, then a guild message arrives without its content', () =>
    withBot(
      async (discord, client, guild) => {
        const created = nextEvent<[Message]>(client, 'messageCreate');
        discord.sendMessage(general(guild), userId(guild, 'bob'), 'secret words');
        const [message] = await created;
        assert.equal(message.content, '');
      },
      [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    ));

  it('given the bot DMs a user, then it opens the DM channel and posts to it', () =>
    withBot(async (discord, client, guild) => {
      const user = await client.users.fetch(userId(guild, 'bob'));
      await user.send('Your key: abc');
      const open = await discord.waitForRequest((r) => r.route === 'POST /users/@me/channels');
      assert.equal(open.body['recipient_id'], user.id);
      const dmId = (open.response as { id: string }).id;
      const post = await discord.waitForRequest((r) => r.route === 'POST /channels/:channel/messages');
      assert.equal(post.params['channel'], dmId);
      assert.equal(post.body['content'], 'Your key: abc');
    }));

  it('given a user DMs the bot, then messageCreate arrives on shard 0 without a guild', () =>
    withBot(async (discord, client, guild) => {
      const dm = discord.state.dmChannel(discord.state.users.get(userId(guild, 'bob'))!);
      const created = nextEvent<[Message]>(client, 'messageCreate');
      discord.sendMessage(dm.id, userId(guild, 'bob'), 'h!api-key');
      const [message] = await created;
      assert.equal(message.guildId, null);
      assert.equal(message.content, 'h!api-key');
    }));

  it('given a member timed out, then PATCH carries communication_disabled_until and the member update comes back', () =>
    withBot(async (discord, client, guild) => {
      const member = await client.guilds.cache.get(guild.id)!.members.fetch(userId(guild, 'bob'));
      const updated = nextEvent<[GuildMember, GuildMember]>(client, 'guildMemberUpdate');
      await member.timeout(60_000, 'spam');
      const [, after] = await updated;
      assert.equal(after.isCommunicationDisabled(), true);
      const patch = await discord.waitForRequest((r) => r.route === 'PATCH /guilds/:guild/members/:user');
      const until = Date.parse(String(patch.body['communication_disabled_until']));
      assert.ok(until > Date.now() && until <= Date.now() + 60_000);
      assert.equal(patch.headers['x-audit-log-reason'], 'spam');
    }));

  it('given an administrator, then a timeout is refused with 50013 as Discord does', () =>
    withBot(async (_discord, client, guild) => {
      const admin = await client.guilds.cache.get(guild.id)!.members.fetch(userId(guild, 'alice'));
      await assert.rejects(
        admin.timeout(60_000),
        (error) => error instanceof DiscordAPIError && error.code === 50013,
      );
    }));

  it('given a message over 2,000 characters, then 50035 names the content field', () =>
    withBot(async (_discord, client, guild) => {
      const channel = await client.channels.fetch(general(guild));
      assert.ok(channel?.isSendable());
      await assert.rejects(channel.send('x'.repeat(2001)), (error) => {
        assert.ok(error instanceof DiscordAPIError);
        assert.equal(error.code, 50035);
        assert.match(error.message, /content/);
        return true;
      });
    }));
});
