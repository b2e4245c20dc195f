import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, settled, startVoiceGuildhall, type VoiceGuildhall } from '../support/voice-guildhall';

// What the queue says against what the voice server heard, through a SIGKILL: while the worker
// plays, position and is_playing are the frames heard; with no worker, /v1 says so once the last
// checkpoint is stale; a worker started on the same data resumes the track near its saved position.
describe('voice: the queue reading against what was heard, and a worker killed mid-track', () => {
  let w: VoiceGuildhall;
  let heardBeforeKill = 0;

  before(async () => {
    w = await startVoiceGuildhall([{ file: 'tour.opus', title: 'Tour Tone', seconds: 8, hz: 440 }]);
    await w.join('Stage');
    await w.queue('tour tone');
  });
  after(() => w?.stop());

  it('given the tone playing, when the queue is read on /v1 and Hexify /v2, then both say playing at the position heard', async () => {
    await eventually(w.audible, (n) => n >= 75, 'the tone under way');
    // when
    const canonical = await w.player();
    const heardMs = w.audible() * 20;
    const hexify = (await (
      await fetch(`${w.server.url}/v2/servers/${w.guild.id}/music/queue`, { headers: w.auth })
    ).json()) as { is_playing: boolean; current_track: { position: number } };
    // then
    assert.equal(canonical.is_playing, true);
    assert.deepEqual([canonical.playback.state, canonical.playback.source], ['playing', 'worker']);
    assert.ok(
      Math.abs(canonical.now_playing!.position_ms - heardMs) <= 300,
      `${canonical.now_playing!.position_ms} vs ${heardMs}`,
    );
    assert.equal(hexify.is_playing, true);
    assert.ok(
      Math.abs(hexify.current_track.position * 1000 - heardMs) <= 1_500,
      `${hexify.current_track.position} s`,
    );
  });

  it('given the worker SIGKILLed mid-track, when a process without a worker reads the queue, then no_worker once the last checkpoint is stale', async () => {
    await eventually(w.audible, (n) => n >= 150, 'three seconds heard');
    // when
    await w.server.kill('SIGKILL');
    heardBeforeKill = await settled(() => w.audible());
    w.server = await w.startServer({ DISCORD_TOKEN: '', PLAYER_WORKER: 'off' });
    // then: (2 × 1 s checkpoint + 5 s) after the last measure, the reading stops pretending
    const reading = await eventually(w.player, (p) => p.playback.state === 'no_worker', 'no_worker', 15_000);
    assert.equal(reading.is_playing, false);
    assert.equal(reading.playback.source, 'log');
    assert.ok(
      Math.abs(reading.now_playing!.position_ms - heardBeforeKill * 20) <= 1_200,
      `the log's last measure ${reading.now_playing!.position_ms} ms vs ${heardBeforeKill} frames heard`,
    );
    await w.server.kill('SIGTERM');
  });

  it('given the same data, when a worker starts again, then it rejoins and plays the rest of the tone from near where it was heard', async () => {
    const sessions = w.discord.voice.heardInGuild(w.guild.id).length;
    // when
    w.server = await w.startServer();
    // then: a new voice session hears the rest: together about the tone's 400 frames
    await eventually(
      () => w.discord.voice.heardInGuild(w.guild.id).slice(sessions),
      (s) => s.length === 1 && s[0]!.frames > 20,
      'the resumed tone',
      // A wait, not a speed check: a new process logs in, catches its projections up and rejoins,
      // which on a machine busy with the rest of the suite has taken over 20 s.
      45_000,
    );
    const total = await settled(() => w.audible(), 800, 15_000);
    const rest = total - heardBeforeKill;
    assert.ok(rest > 20 && rest < 400 - heardBeforeKill + 60, `${rest} frames after ${heardBeforeKill}`);
    assert.ok(Math.abs(total - 400) <= 60, `${total} frames heard of 400 (a repeat or a skip over 1.2 s)`);
    const restarted = w
      .events()
      .filter((e) => e.type === 'TrackStarted')
      .at(-1)!;
    assert.ok(Math.abs((restarted.data['positionMs'] as number) - heardBeforeKill * 20) <= 1_200);
  });
});
