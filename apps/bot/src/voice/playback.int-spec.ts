import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '#music/testing/temp-dir';
import { writeTone } from '#music/testing/test-audio';
import { GUILD, startWorkerHarness, summary, waitUntil, type WorkerHarness } from './testing/worker-harness';

describe('player worker playback', () => {
  const tmp = tempDir('guildhall-playback-');
  const music = join(tmp.dir, 'music');
  let h: WorkerHarness;

  before(async () => {
    await Promise.all([
      writeTone(join(music, 'first.opus'), {
        seconds: 2,
        frequency: 440,
        tags: { title: 'First Tone', artist: 'Sine' },
      }),
      writeTone(join(music, 'second.mp3'), {
        seconds: 2,
        frequency: 660,
        tags: { title: 'Second Tone', artist: 'Sine' },
      }),
    ]);
    h = await startWorkerHarness(join(tmp.dir, 'data'), music);
  });
  after(async () => {
    await h.close();
    tmp.remove();
  });

  it('given two queued tracks, when the worker plays them, then Opus packets flow and the log and queue follow', async () => {
    // given: the read model sampled throughout, to see the queue move as the tracks play
    const seen: string[] = [];
    const sampler = setInterval(() => {
      const view = h.players.get(GUILD);
      const state = `${view?.current?.track.title ?? 'idle'} | queue ${view?.queue.length ?? 0}`;
      if (seen.at(-1) !== state) seen.push(state);
    }, 10);

    // when
    const first = await h.enqueue('first tone');
    const second = await h.enqueue('second tone');
    await waitUntil(
      async () => (await h.events()).filter((e) => e.type === 'TrackEnded').length === 2,
      20_000,
      'both tracks to end',
    );
    await waitUntil(() => h.players.get(GUILD)?.history.length === 2, 5_000, 'the read model');
    clearInterval(sampler);

    // then: the log tells the story in order, each track ending on its own
    const events = await h.events();
    const names = { [first]: 'first', [second]: 'second' };
    // (the worker may start the first track before or after the second is queued)
    assert.equal(events.filter((e) => e.type === 'TracksQueued').length, 2);
    assert.deepEqual(
      summary(events, names).filter((line) => line !== 'TracksQueued'),
      [
        'TrackStarted(first)',
        'TrackEnded(first, finished)',
        'TrackStarted(second)',
        'TrackEnded(second, finished)',
      ],
    );
    // then: audio came out, about 2 × 2 s of 20 ms Opus frames, through the voice-connection path
    const tap = h.connector.taps.get(GUILD)!;
    assert.ok(tap.audio >= 190 && tap.audio <= 215, `${tap.audio} Opus packets`);
    // then: each end reports where the audio stopped: at the end of its 2 s
    for (const ended of events.filter((e) => e.type === 'TrackEnded')) {
      const { positionMs } = ended.data as { positionMs: number };
      assert.ok(positionMs >= 1_900 && positionMs <= 2_200, `ended at ${positionMs} ms`);
    }
    // then: the second started only after the first ended
    const at = (type: string, trackId: string) =>
      events.find((e) => e.type === type && (e.data as { trackId: string }).trackId === trackId)!.position;
    assert.ok(at('TrackStarted', second) > at('TrackEnded', first));
    // then: the queue read model followed: first playing with second queued, then second, then idle
    // ('First Tone | queue 0' shows only if the worker started it before the second was queued)
    const playing = seen.filter((state) => !state.startsWith('idle') && state !== 'First Tone | queue 0');
    assert.deepEqual(playing, ['First Tone | queue 1', 'Second Tone | queue 0'], seen.join(' → '));
    assert.equal(h.players.get(GUILD)?.current, null);
  });
});
