import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/server-process';
import { eventually, medianHz, startVoiceGuildhall, type VoiceGuildhall } from '../support/voice-guildhall';

// Every door that joins a voice channel ends in the same place: the bot's gateway op 4 for that
// channel, a voice session, and the next track heard by the voice server.
describe('voice: a join through every door', () => {
  let w: VoiceGuildhall;
  let elixirKey: string;
  let alice: string;

  before(async () => {
    w = await startVoiceGuildhall([{ file: 'door.opus', title: 'Door Chime', seconds: 1, hz: 660 }]);
    alice = [...w.guild.members.values()].find((m) => m.user.username === 'alice')!.user.id;
    const issued = await runCli(w.dataDir, [
      ...['keys', 'issue', '--user', alice, '--guild', w.guild.id, '--tier', 'enterprise', '--json'],
    ]);
    elixirKey = (JSON.parse(issued.stdout.trim().split('\n').at(-1)!) as { key: string }).key;
  });
  after(() => w?.stop());

  /** Given the bot outside voice, the door's join, then op 4 to the channel and the chime heard there. */
  async function joinsAndPlays(channelName: string, door: () => Promise<void>) {
    const channelId = w.channel(channelName);
    const sessionsBefore = w.discord.voice.heardInGuild(w.guild.id).length;
    // when
    await door();
    // then: the gateway's op 4 names the channel, the voice server holds the bot there
    await eventually(
      () =>
        w.discord.gatewayPayloads.all.some(
          (p) => p.op === 4 && (p.d as { channel_id?: string }).channel_id === channelId,
        ),
      Boolean,
      `op 4 for ${channelName}`,
    );
    await eventually(
      () => w.discord.voice.states.of(w.guild.id)?.channelId,
      (c) => c === channelId,
      'voice state',
    );
    // then: the next track is heard, whole, on a new voice session
    await w.queue('door chime');
    const heard = await eventually(
      () => w.discord.voice.heardInGuild(w.guild.id).slice(sessionsBefore),
      (s) => s.length === 1 && s[0]!.frames - s[0]!.silenceFrames >= 48,
      'the chime heard',
    );
    assert.equal(heard[0]!.sequenceGaps, 0);
    assert.ok(Math.abs(medianHz(heard[0]!.timeline) - 660) < 30, `hz ${medianHz(heard[0]!.timeline)}`);
    // and the player leaves before the next door
    assert.equal((await w.call('DELETE', '/voice-channel')).status, 200);
    await eventually(
      () => w.discord.voice.states.of(w.guild.id),
      (s) => s === undefined,
      'the bot left',
    );
  }

  it('given the canonical API, when PUT …/music/voice-channel, then op 4 and the track is heard', async () => {
    await joinsAndPlays('Stage', () => w.join('Stage'));
  });

  it('given an Elixir key bound to the guild, when POST /api/v1/{guild}/join, then op 4 and the track is heard', async () => {
    await joinsAndPlays('Lounge', async () => {
      const res = await fetch(`${w.server.url}/api/v1/${w.guild.id}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${elixirKey}` },
        body: JSON.stringify({ 'channel.id': w.channel('Lounge'), 'user.id': alice }),
      });
      assert.equal(res.status, 200, await res.text());
    });
  });

  it('given alice in Cellar, when she runs /join, then op 4 for Cellar and the track is heard', async () => {
    await joinsAndPlays('Cellar', async () => {
      const reply = await w.discord.interact({ name: 'join', user: 'alice', guildId: w.guild.id }, 10_000);
      assert.equal(reply.status, 204, JSON.stringify(reply.response));
    });
  });
});
