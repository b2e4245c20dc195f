import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventually,
  medianHz,
  settled,
  startVoiceGuildhall,
  type VoiceGuildhall,
} from '../support/voice-guildhall';

// Pause, resume, skip and seek, judged by the frames the voice server receives and decodes.
describe('voice: pause, resume, skip and seek as heard', () => {
  let w: VoiceGuildhall;

  before(async () => {
    w = await startVoiceGuildhall([
      { file: 'pause.opus', title: 'Pause Tone', seconds: 3, hz: 440 },
      { file: 'first.opus', title: 'Skip First', seconds: 4, hz: 440 },
      { file: 'second.opus', title: 'Skip Second', seconds: 1, hz: 880 },
      // 440 Hz for two seconds, then 880 Hz: where a seek lands is heard as a frequency
      { file: 'sweep.mp3', title: 'Seek Sweep', seconds: 4, hz: 440, then: 880 },
    ]);
    await w.join('Stage');
  });
  after(() => w?.stop());

  const post = async (path: string, body?: unknown) => {
    const res = await w.call('POST', path, body);
    assert.equal(res.status, 200, `${path}: ${await res.text()}`);
  };
  const framesOf = (start: number) =>
    w
      .timeline()
      .filter((f) => !f.silence)
      .slice(start);

  it('given a tone playing, when paused then resumed, then no frame while paused, the position holds, and the tone plays on from there', async () => {
    const start = w.audible();
    await w.queue('pause tone');
    await eventually(w.audible, (n) => n >= start + 40, 'the tone under way');
    // when
    await post('/pause');
    // then: the frames stop (after the library's five silence frames), and stay stopped
    const heardAtPause = await settled(() => w.discord.voice.framesInGuild(w.guild.id));
    const audibleAtPause = w.audible() - start;
    const paused = await w.player();
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(w.discord.voice.framesInGuild(w.guild.id), heardAtPause, 'a frame while paused');
    const still = await w.player();
    assert.equal(still.playback.state, 'paused');
    assert.equal(still.is_playing, false);
    assert.equal(still.now_playing!.position_ms, paused.now_playing!.position_ms, 'the position moved');
    assert.ok(
      Math.abs(still.now_playing!.position_ms - audibleAtPause * 20) <= 100,
      `${still.now_playing!.position_ms} ms vs ${audibleAtPause} frames heard`,
    );
    // when
    await post('/resume');
    // then: the rest of the tone, and only the rest: the whole is heard once
    await eventually(w.audible, (n) => n > start + audibleAtPause + 10, 'frames after resume');
    await settled(() => w.audible(), 600);
    const track = framesOf(start);
    assert.ok(Math.abs(track.length - 150) <= 6, `${track.length} frames for 3 s`);
    assert.equal(w.discord.voice.heardInGuild(w.guild.id).at(-1)!.sequenceGaps, 0);
  });

  it('given a long tone playing with another queued, when skipped, then the next tone is heard at once and whole', async () => {
    const start = w.audible();
    await w.queue('skip first');
    await w.queue('skip second');
    await eventually(w.audible, (n) => n >= start + 40, 'the first tone under way');
    // when
    await post('/skip');
    // then: the first tone cut short (well under its 200 frames), the second heard whole
    await eventually(
      () => medianHz(framesOf(start).slice(-5)),
      (hz) => Math.abs(hz - 880) < 25,
      'the second',
    );
    await settled(() => w.audible(), 600);
    const track = framesOf(start);
    const firstHigh = track.findIndex((f) => (f.hz ?? 0) > 660);
    assert.ok(firstHigh >= 40 && firstHigh < 100, `the skip came after ${firstHigh} frames`);
    assert.ok(Math.abs(track.length - firstHigh - 50) <= 4, `${track.length - firstHigh} frames of 1 s`);
  });

  it('given the sweep at its low half, when seeking to 3 s, then the high half is heard from there: one second of it', async () => {
    const start = w.audible();
    await w.queue('seek sweep');
    await eventually(w.audible, (n) => n >= start + 25, 'the low half under way');
    // when
    await post('/seek', { position_ms: 3_000 });
    // then
    await eventually(
      () => medianHz(framesOf(start).slice(-5)),
      (hz) => Math.abs(hz - 880) < 25,
      'the high half',
    );
    await settled(() => w.audible(), 600);
    const track = framesOf(start);
    const firstHigh = track.findIndex((f) => (f.hz ?? 0) > 660);
    assert.ok(firstHigh < 100, `${firstHigh} low frames: the low half played through`);
    assert.ok(
      Math.abs(track.length - firstHigh - 50) <= 5,
      `${track.length - firstHigh} frames after 3 s of 4`,
    );
  });
});
