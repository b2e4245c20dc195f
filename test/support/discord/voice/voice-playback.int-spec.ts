import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AudioPlayerStatus, entersState } from '@discordjs/voice';
import { writeTone } from '#music/testing/test-audio';
import { summarize } from './heard';
import { joinAndWait } from './voice-client';
import { withVoiceWorld } from './voice-world';

// @discordjs/voice itself, in-process, against the local Discord and its voice server: what the
// voice server decrypts and decodes must be what was played.

describe('Local voice server, with @discordjs/voice in-process', () => {
  it('given a joined channel, when a 440 Hz tone plays, then every frame is heard in order and decodes to 440 Hz', () =>
    withVoiceWorld(async (world) => {
      const { discord, client, guild, stage, dir } = world;
      // given
      const tone = await writeTone(join(dir, 'a440.opus'), { seconds: 2, frequency: 440 });
      const connection = await joinAndWait(client, guild.id, stage);
      // when
      const player = world.play(connection, tone);
      await entersState(player, AudioPlayerStatus.Playing, 5_000);
      await entersState(player, AudioPlayerStatus.Idle, 10_000);
      connection.destroy();
      // then
      const [heard] = discord.voice.heardInGuild(guild.id);
      assert.ok(heard, 'a voice session was heard');
      const music = heard.timeline.filter((f) => !f.silence);
      assert.ok(music.length >= 98 && music.length <= 101, `2 s of frames: ${music.length}`);
      assert.equal(heard.sequenceGaps, 0);
      assert.equal(heard.timestampErrors, 0);
      assert.equal(heard.outOfOrder, 0);
      assert.ok(heard.silenceFrames >= 1, 'the player ends with silence frames');
      const summary = summarize(music.slice(5, -5));
      assert.ok(Math.abs(summary.medianHz - 440) < 30, `heard ${summary.medianHz} Hz`);
      assert.ok(summary.rms > 0.05, `not silent: rms ${summary.rms}`);
      assert.ok(summary.maxGapMs < 60, `no gap over 60 ms: ${summary.maxGapMs}`);
      const identify = discord.voice.received.all.find((p) => p.op === 0)!;
      assert.equal((identify.d as { user_id: string }).user_id, discord.bot.id);
      assert.ok(
        discord.voice.received.all.some((p) => p.op === 5),
        'the bot said it was speaking',
      );
    }));
});
