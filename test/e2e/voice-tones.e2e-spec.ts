import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventually,
  levelOf,
  medianHz,
  settled,
  startVoiceGuildhall,
  type VoiceGuildhall,
} from '../support/voice-guildhall';

// What the voice server decodes: the queued tones in their order, and the volume as an amplitude.
describe('voice: tones heard in order, volume heard as amplitude', () => {
  let w: VoiceGuildhall;

  before(async () => {
    w = await startVoiceGuildhall([
      { file: 'low.opus', title: 'Low Tone', seconds: 1.5, hz: 440 },
      { file: 'high.opus', title: 'High Tone', seconds: 1.5, hz: 880 },
      { file: 'level.opus', title: 'Level Tone', seconds: 3, hz: 660 },
    ]);
    await w.join('Stage');
  });
  after(() => w?.stop());

  it('given 440 Hz then 880 Hz queued, when they play, then each is heard whole and in that order', async () => {
    // when
    await w.queue('low tone');
    await w.queue('high tone');
    await w.discord.voice.waitForFrames(w.guild.id, 140, 20_000);
    await settled(() => w.audible());
    // then: about 75 frames of each, the low one first
    const frames = w.timeline().filter((f) => !f.silence);
    const firstHigh = frames.findIndex((f) => (f.hz ?? 0) > 660);
    assert.ok(Math.abs(firstHigh - 75) <= 4, `the high tone began at frame ${firstHigh}`);
    assert.ok(Math.abs(frames.length - 150) <= 6, `${frames.length} frames for 3 s`);
    assert.ok(Math.abs(medianHz(frames.slice(0, firstHigh)) - 440) < 25);
    assert.ok(Math.abs(medianHz(frames.slice(firstHigh)) - 880) < 25);
    assert.equal(
      frames.slice(firstHigh + 2, -2).filter((f) => f.hz !== undefined && f.hz < 660).length,
      0,
      'no low frame after the high tone began',
    );
    // then: the log recorded both plays, in order
    const plays = w.events().filter((e) => e.type === 'TrackStarted' || e.type === 'TrackEnded');
    assert.deepEqual(
      plays.map((e) => e.type),
      ['TrackStarted', 'TrackEnded', 'TrackStarted', 'TrackEnded'],
    );
  });

  it('given a tone at volume 100, when the volume is set to 50, then the decoded amplitude halves', async () => {
    const start = w.audible();
    await w.queue('level tone');
    await eventually(w.audible, (n) => n >= start + 50, 'a second at volume 100');
    // when
    assert.equal((await w.call('PUT', '/volume', { volume: 50 })).status, 200);
    // then: the end of the tone is half as loud as its beginning, and the same tone
    await settled(() => w.audible(), 600, 15_000);
    const track = w
      .timeline()
      .filter((f) => !f.silence)
      .slice(start);
    const loud = track.slice(10, 45);
    const soft = track.slice(-35, -5);
    const ratio = levelOf(soft) / levelOf(loud);
    assert.ok(Math.abs(ratio - 0.5) < 0.08, `rms ratio ${ratio.toFixed(3)}`);
    assert.ok(Math.abs(medianHz(soft) - 660) < 25, `hz ${medianHz(soft)}`);
    // then: nothing skipped or repeated across the switch (FFmpeg restarted at the position heard)
    assert.ok(Math.abs(track.length - 150) <= 6, `${track.length} frames for 3 s`);
    assert.equal((await w.player()).volume, 50);
  });
});
