import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VoiceConnectionStatus, entersState, type VoiceConnection } from '@discordjs/voice';
import { writeTone } from '#music/testing/test-audio';
import { nextEvent } from '../bot-client';
import { joinAndWait } from './voice-client';
import { until, withVoiceWorld, type VoiceWorld } from './voice-world';

// The faults Discord's voice side produces, as @discordjs/voice meets them: each control of the fake
// must lead the real client to what Discord's docs say (resume, rejoin, reconnect, or stop).

/** Joins the Stage and plays a long tone into it until the test ends; waits for the first frames. */
async function playing(world: VoiceWorld): Promise<VoiceConnection> {
  const tone = await writeTone(join(world.dir, 'tone.opus'), { seconds: 20, frequency: 440 });
  const connection = await joinAndWait(world.client, world.guild.id, world.stage);
  world.play(connection, tone);
  await world.discord.voice.waitForFrames(world.guild.id, 10);
  return connection;
}

const RESUMING = [
  { code: undefined, what: 'the socket drops' },
  { code: 4015, what: 'it closes with 4015 (voice server crashed)' },
];

describe('Local voice server, faults met by @discordjs/voice', () => {
  for (const { code, what } of RESUMING) {
    it(`given playback, when ${what}, then the client RESUMEs and the same SSRC plays on without a gap in sequence`, () =>
      withVoiceWorld(async (world) => {
        const { discord, guild } = world;
        const connection = await playing(world);
        const ssrc = discord.voice.session(guild.id)!.ssrc;
        // when
        discord.voice.closeSocket(guild.id, code);
        await discord.voice.received.waitFor((p) => p.op === 7);
        await entersState(connection, VoiceConnectionStatus.Ready, 5_000);
        const before = discord.voice.heard(ssrc).frames;
        await until(() => discord.voice.heard(ssrc).frames > before + 25, 'frames after the resume');
        connection.destroy();
        // then
        assert.equal(discord.voice.session(guild.id)!.ssrc, ssrc, 'no new IDENTIFY');
        assert.equal(discord.voice.received.filter((p) => p.op === 0).length, 1);
        const heard = discord.voice.heard(ssrc);
        assert.equal(heard.sequenceGaps, 0);
        assert.equal(heard.timestampErrors, 0);
      }));
  }

  it('given playback, when the socket closes with 4006, then the client rejoins through the gateway and plays on a new SSRC', () =>
    withVoiceWorld(async (world) => {
      const { discord, guild } = world;
      await playing(world);
      const first = discord.voice.session(guild.id)!.ssrc;
      const opFours = discord.gatewayPayloads.filter((p) => p.op === 4).length;
      // when
      discord.voice.closeSocket(guild.id, 4006);
      await until(() => discord.voice.session(guild.id)?.ssrc !== first, 'a new voice session');
      const second = discord.voice.session(guild.id)!.ssrc;
      await until(() => discord.voice.heard(second).frames >= 25, 'frames on the new session', 8_000);
      // then
      assert.equal(discord.gatewayPayloads.filter((p) => p.op === 4).length, opFours + 1, 'one rejoin');
      assert.deepEqual(
        discord.voice.heardInGuild(guild.id).map((h) => h.ssrc),
        [first, second],
      );
    }));

  it('given playback, when the voice server moves, then the client connects to the new endpoint and plays there', () =>
    withVoiceWorld(async (world) => {
      const { discord, guild } = world;
      const connection = await playing(world);
      const oldServer = discord.voice.serverOf(guild.id);
      // when
      const newServer = await discord.voice.moveServer(guild.id);
      await until(() => newServer.session(guild.id) !== undefined, 'an IDENTIFY on the new server');
      const ssrc = newServer.session(guild.id)!.ssrc;
      await until(() => discord.voice.heard(ssrc).frames >= 25, 'frames on the new server', 8_000);
      connection.destroy();
      // then
      assert.notEqual(newServer.endpoint, oldServer.endpoint);
      assert.equal(oldServer.session(guild.id)!.ended, true, 'the old session can no longer be resumed');
      const identifies = discord.voice.received.filter((p) => p.op === 0).map((p) => p.endpoint);
      assert.deepEqual(identifies, [oldServer.endpoint, newServer.endpoint]);
    }));

  it('given playback, when a moderator disconnects the bot, then the connection is disconnected with 4014 and nothing more is sent', () =>
    withVoiceWorld(async (world) => {
      const { discord, guild, client } = world;
      const connection = await playing(world);
      // when
      discord.voice.disconnectBot(guild.id);
      await entersState(connection, VoiceConnectionStatus.Disconnected, 5_000);
      // then
      assert.equal((connection.state as { closeCode?: number }).closeCode, 4014);
      const cached = client.guilds.cache.get(guild.id)!;
      assert.equal(cached.members.me?.voice.channelId ?? null, null, 'the bot is in no channel');
      const frames = discord.voice.framesInGuild(guild.id);
      await sleep(300);
      assert.equal(discord.voice.framesInGuild(guild.id), frames);
      connection.destroy();
    }));

  it('given playback, when its channel is deleted, then discord.js drops the channel and the connection ends with 4014', () =>
    withVoiceWorld(async (world) => {
      const { discord, client, stage } = world;
      const connection = await playing(world);
      // when
      const deleted = nextEvent(client, 'channelDelete');
      discord.voice.deleteChannel(stage);
      await deleted;
      await entersState(connection, VoiceConnectionStatus.Disconnected, 5_000);
      // then
      assert.equal(client.channels.cache.has(stage), false);
      assert.equal((connection.state as { closeCode?: number }).closeCode, 4014);
      connection.destroy();
    }));

  it('given playback, when the bot is moved to another channel, then discord.js and the connection follow and the same SSRC plays on', () =>
    withVoiceWorld(async (world) => {
      const { discord, guild, client, lounge } = world;
      const connection = await playing(world);
      const ssrc = discord.voice.session(guild.id)!.ssrc;
      // when
      const moved = nextEvent(client, 'voiceStateUpdate');
      discord.voice.moveBot(guild.id, lounge);
      await moved;
      const before = discord.voice.heard(ssrc).frames;
      await until(() => discord.voice.heard(ssrc).frames > before + 10, 'frames after the move');
      // then
      assert.equal(client.guilds.cache.get(guild.id)!.members.me?.voice.channelId, lounge);
      assert.equal(connection.joinConfig.channelId, lounge);
      assert.equal(discord.voice.states.of(guild.id)?.channelId, lounge);
      connection.destroy();
    }));

  it('given playback, when UDP goes silent, then no frame is heard or answered until it comes back', () =>
    withVoiceWorld(async (world) => {
      const { discord, guild } = world;
      const connection = await playing(world);
      const ssrc = discord.voice.session(guild.id)!.ssrc;
      const stats = discord.voice.serverOf(guild.id).udpStats;
      // when
      discord.voice.silenceUdp(guild.id);
      await sleep(50);
      const during = discord.voice.heard(ssrc).frames;
      await sleep(400);
      // then
      assert.equal(discord.voice.heard(ssrc).frames, during, 'nothing heard while silent');
      assert.ok(stats.droppedWhileSilent >= 15, `dropped ${stats.droppedWhileSilent}`);
      discord.voice.silenceUdp(guild.id, false);
      await until(() => discord.voice.heard(ssrc).frames > during + 10, 'frames once UDP is back');
      connection.destroy();
    }));
});
