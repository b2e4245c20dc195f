import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Analytics } from '#core';
import { EventStore } from '#eventstore';
import { CommandsFixture, EPHEMERAL } from '#test/support/discord-commands';

// Every slash command the bot offers; a command dropped from the code, or added without thought, fails here.
const SLASH_COMMANDS = [
  ...['play', 'queue', 'nowplaying', 'join', 'leave', 'skip', 'previous', 'pause', 'resume', 'stop'],
  ...['volume', 'seek', 'loop', 'shuffle', 'remove', 'move', 'clear', 'fairshare'],
  ...['prefix', 'welcome', 'modlog', 'automod', 'spam', 'wordfilter'],
  ...['genkey', 'keys', 'revokekey', 'stats', 'analytics'],
].sort();

describe('Discord commands: registration, music, refusals and usage', () => {
  let t: CommandsFixture;
  let key: string;
  before(async () => {
    t = await CommandsFixture.start();
    key = (await t.guildhall.issueKey(t.guild.ownerId, { tier: 'enterprise' })).key;
  });
  after(async () => {
    await t?.stop();
  });

  const usageNames = async () =>
    (await t.guildhall.app.get(EventStore).readStream(`usage-${t.guild.id}`)).map(
      (e) => (e.data as { name: string }).name,
    );

  it('given the bot starts, then it registers every slash command with Discord, globally', async () => {
    const put = await t.discord.waitForRequest((r) => r.route === 'PUT /applications/:app/commands');
    const commands = put.body as unknown as { name: string; options?: { name: string }[] }[];
    assert.deepEqual(commands.map((c) => c.name).sort(), SLASH_COMMANDS);
    const wordfilter = commands.find((c) => c.name === 'wordfilter')!;
    assert.deepEqual(
      wordfilter.options?.map((o) => o.name),
      ['add', 'remove', 'list'],
    );
  });

  it('given /play and h!play, then both tracks are in the queue GET /v2/servers/{id}/music/queue shows, and the player joined the member', async () => {
    // when
    const slash = await t.slash({ name: 'play', user: 'bob', options: { query: 'tavern song' } });
    const prefixed = await t.message('dj', 'h!play The Bards Tavern Song');
    // then
    assert.match(slash.content, /Queued \*\*Tavern Song\*\* — The Bards \(0:02\) — 1 in the queue/);
    assert.equal(slash.flags & EPHEMERAL, 0, 'a queued track is news for the channel');
    assert.match(prefixed.content, /Queued \*\*Tavern Song\*\* — The Bards \(0:02\) — 2 in the queue/);
    const queue = await t.http('GET', `/v2/servers/${t.guild.id}/music/queue`, key);
    assert.equal(queue.statusCode, 200, queue.body);
    assert.deepEqual(
      queue.json().queue.map((e: { title: string; requested_by: string }) => [e.title, e.requested_by]),
      [
        ['Tavern Song', t.userId('bob')],
        ['Tavern Song', t.userId('dj')],
      ],
    );
    const player = await t.http('GET', `/v1/servers/${t.guild.id}/music/queue`, key);
    assert.equal(
      player.json().voice_channel_id,
      t.channelId('Stage'),
      "bob's voice channel, from the gateway",
    );
    const events = await t.guildhall.app.get(EventStore).readStream(`player-${t.guild.id}`);
    assert.deepEqual(
      events.map((e) => [e.type, e.metadata.door, e.metadata.actor.id]),
      [
        ['TracksQueued', 'discord', t.userId('bob')],
        ['VoiceChannelJoined', 'discord', t.userId('bob')],
        ['TracksQueued', 'discord', t.userId('dj')],
      ],
    );
  });

  it('given a queue, when /queue and h!q run, then each answers with the same embed', async () => {
    const slash = await t.slash({ name: 'queue', user: 'bob' });
    const prefixed = await t.message('bob', 'H!Q');
    for (const answer of [slash, prefixed]) {
      const [embed] = answer.embeds;
      assert.equal(embed?.title, 'Queue — 2 tracks');
      assert.match(
        embed!.description!,
        /^Nothing is playing\.\n\n1\. \*\*Tavern Song\*\* — The Bards \(0:02\)\n2\. /,
      );
    }
  });

  it('given nothing plays, when a DJ runs /skip, then the domain refusal is an ephemeral reply and no usage is recorded', async () => {
    const before = await usageNames();
    const answer = await t.slash({ name: 'skip', user: 'dj' });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.match(answer.content, /^❌ .*nothing is playing/i);
    assert.deepEqual(await usageNames(), before, 'a refused command was not used');
  });

  it('given /play finds nothing, then its deferred answer is replaced by an ephemeral refusal, and no play is counted', async () => {
    const before = await usageNames();
    const answer = await t.slash({ name: 'play', user: 'bob', options: { query: 'no such song anywhere' } });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(answer.content, '❌ no track found for "no such song anywhere"');
    assert.equal(answer.request.route, 'POST /webhooks/:webhook/:token', 'a followup');
    const deleted = t.discord.requests.filter(
      (r) => r.method === 'DELETE' && r.params['token'] === answer.request.params['token'],
    );
    assert.equal(deleted.length, 1, 'the public "thinking…" placeholder is gone');
    assert.deepEqual(await usageNames(), before);
  });

  it('given a member with neither the DJ role nor Manage Server, when /volume runs, then it is refused naming what is missing', async () => {
    const answer = await t.slash({ name: 'volume', user: 'bob', options: { level: 30 } });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(answer.content, '❌ `volume` needs the DJ role or the Manage Server permission');
    const prefixed = await t.message('bob', 'h!volume 30');
    assert.equal(prefixed.content, answer.content);
    const player = await t.http('GET', `/v1/servers/${t.guild.id}/music/queue`, key);
    assert.equal(player.json().volume, 100);
  });

  it('given the DJ role, when h!volume and /loop run, then the player changes as REST shows it', async () => {
    assert.equal((await t.message('dj', 'h!volume 40')).content, '🔉 Volume set to 40%.');
    assert.equal(
      (await t.slash({ name: 'loop', user: 'dj', options: { mode: 'queue' } })).content,
      '🔁 Loop: queue.',
    );
    const player = (await t.http('GET', `/v1/servers/${t.guild.id}/music/queue`, key)).json();
    assert.deepEqual([player.volume, player.loop], [40, 'queue']);
  });

  it('given a prefix command without its argument or with a bad one, then the reply says how to use it', async () => {
    assert.equal((await t.message('dj', 'h!volume')).content, '❌ usage: `h!volume <0–100>`');
    assert.equal(
      (await t.message('dj', 'h!volume loud')).content,
      '❌ level must be a whole number from 0 to 100',
    );
    assert.equal(
      (await t.message('dj', 'h!seek 1:75')).content,
      '❌ position must be seconds, m:ss or h:mm:ss',
    );
  });

  it('given h!move and /remove by queue position, then the queue changes', async () => {
    await t.message('bob', 'h!play tavern song');
    assert.match((await t.message('dj', 'h!move 3 1')).content, /Moved \*\*Tavern Song\*\* to position 1/);
    assert.match(
      (await t.slash({ name: 'remove', user: 'dj', options: { position: 2 } })).content,
      /Removed/,
    );
    const refused = await t.slash({ name: 'remove', user: 'dj', options: { position: 9 } });
    assert.equal(refused.content, '❌ no track at 9: the queue holds 2');
    const queue = (await t.http('GET', `/v2/servers/${t.guild.id}/music/queue`, key)).json().queue;
    assert.deepEqual(
      queue.map((e: { requested_by: string }) => e.requested_by),
      [t.userId('bob'), t.userId('dj')],
    );
  });

  it('given Discord commands were used, then Hexify analytics count them in commands_used, with the door discord', async () => {
    const head = await t.guildhall.app.get(EventStore).headPosition();
    assert.ok(await t.guildhall.app.get(Analytics).projector.waitForPosition(head, 20_000));
    const stream = await t.guildhall.app.get(EventStore).readStream(`usage-${t.guild.id}`);
    // Messages also make members active (MemberActive); commands_used counts only invocations.
    const usage = stream.filter((e) => e.type === 'CommandInvoked');
    assert.ok(
      usage.every((e) => e.metadata.door === 'discord' && (e.data as { door: string }).door === 'discord'),
    );
    const names = usage.map((e) => (e.data as { name: string }).name);
    assert.deepEqual(names.filter((n) => n === 'play').length, 3);
    const res = await t.http('GET', `/v2/servers/${t.guild.id}/analytics`, key);
    assert.equal(res.statusCode, 200, res.body);
    const used = res.json().commands_used;
    assert.equal(used.total, usage.length);
    assert.equal(used.breakdown.music, usage.length);
  });
});
