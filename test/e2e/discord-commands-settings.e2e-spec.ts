import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventStore } from '#eventstore';
import { CommandsFixture, EPHEMERAL } from '#test/support/discord-commands';

describe('Discord settings commands, as GET /v2/servers/{id} shows them', () => {
  let t: CommandsFixture;
  let key: string;
  before(async () => {
    t = await CommandsFixture.start();
    key = (await t.guildhall.issueKey(t.guild.ownerId)).key;
  });
  after(async () => {
    await t?.stop();
  });

  const settings = async () => (await t.http('GET', `/v2/servers/${t.guild.id}`, key)).json().settings;

  it('given Manage Server, when /welcome, h!modlog, /automod and h!spam run, then the server shows them', async () => {
    const general = t.channelId('general');
    const welcome = await t.slash({ name: 'welcome', user: 'mike', options: { channel: general } });
    assert.equal(welcome.content, `✅ Welcome messages: <#${general}>.`);
    assert.equal(
      (await t.message('mike', `h!modlog <#${general}>`)).content,
      `✅ Moderation log: <#${general}>.`,
    );
    assert.equal(
      (await t.slash({ name: 'automod', user: 'alice', options: { enabled: true } })).content,
      '✅ Auto-moderation on.',
    );
    assert.equal((await t.message('olga', 'h!spam on')).content, '✅ Spam protection on.');
    assert.deepEqual(await settings(), {
      prefix: 'h!',
      welcome_channel: general,
      mod_log_channel: general,
      auto_mod: { enabled: true, spam_protection: true, word_filter: [] },
    });
    const changes = (await t.guildhall.app.get(EventStore).readStream(`guild-${t.guild.id}`)).filter(
      (e) => e.type === 'SettingsChanged',
    );
    assert.deepEqual(
      changes.map((e) => [e.metadata.door, e.metadata.actor.id]),
      [
        ['discord', t.userId('mike')],
        ['discord', t.userId('mike')],
        ['discord', t.userId('alice')],
        ['discord', t.userId('olga')],
      ],
    );
  });

  it('given no Manage Server, when a settings command runs, then it is refused naming the permission and nothing changes', async () => {
    const before = await settings();
    const slash = await t.slash({ name: 'automod', user: 'dj', options: { enabled: false } });
    assert.equal(slash.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(slash.content, '❌ `automod` needs the Manage Server permission');
    const prefixed = await t.message('bob', 'h!welcome off');
    assert.equal(prefixed.content, '❌ `welcome` needs the Manage Server permission');
    assert.deepEqual(await settings(), before);
  });

  it('given the word filter, when words are added, listed and removed from both doors, then the server shows the list', async () => {
    const added = await t.slash({
      name: 'wordfilter',
      subcommand: 'add',
      user: 'mike',
      options: { word: 'Goblin' },
    });
    assert.equal(added.flags & EPHEMERAL, EPHEMERAL);
    await t.message('mike', 'h!wordfilter add troll');
    const list = await t.slash({ name: 'wordfilter', subcommand: 'list', user: 'mike' });
    assert.equal(list.content, '🚫 Filtered words (2): `goblin`, `troll`');
    await t.message('mike', 'h!wordfilter remove GOBLIN');
    assert.deepEqual((await settings()).auto_mod.word_filter, ['troll']);
    const missing = await t.message('mike', 'h!wordfilter remove goblin');
    assert.equal(missing.content, '❌ `goblin` is not in the word filter');
    assert.equal(
      (await t.message('mike', 'h!wordfilter')).content,
      '❌ usage: `h!wordfilter <add word | remove word | list>`',
    );
  });

  it('given a prefix the domain refuses, then the reply says why', async () => {
    const answer = await t.message('mike', 'h!prefix ' + 'x'.repeat(11));
    assert.match(answer.content, /^❌ prefix must be 1–10 characters/);
    assert.equal((await settings()).prefix, 'h!');
  });

  it('given the prefix is changed, then the new prefix works and the old one no longer does', async () => {
    // when
    const changed = await t.slash({ name: 'prefix', user: 'mike', options: { prefix: '?' } });
    assert.equal(changed.content, '✅ Prefix set: commands now start with `?`.');
    assert.equal((await settings()).prefix, '?');
    // then
    const old = t.discord.sendMessage(t.channelId('general'), t.userId('bob'), 'h!stats');
    const answer = await t.message('bob', '?stats');
    assert.equal(answer.embeds[0]?.title, 'Tavern — stats');
    const repliesToOld = t.discord.requests.filter(
      (r) => (r.body['message_reference'] as { message_id?: string } | undefined)?.message_id === old.id,
    );
    assert.deepEqual(repliesToOld, [], 'h!stats was sent first and left unanswered');
  });
});
