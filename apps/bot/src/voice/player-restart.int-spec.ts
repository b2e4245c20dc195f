import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '#music/testing/temp-dir';
import { writeTone } from '#music/testing/test-audio';
import { WorkerStore } from './worker-store';
import { GUILD, startWorkerHarness, summary, waitUntil } from './testing/worker-harness';

describe('player worker restart', () => {
  const tmp = tempDir('guildhall-restart-');
  const music = join(tmp.dir, 'music');
  const data = join(tmp.dir, 'data');

  before(async () => {
    await Promise.all([
      writeTone(join(music, 'long.mp3'), { seconds: 4, tags: { title: 'Long' } }),
      writeTone(join(music, 'short.opus'), { seconds: 1, tags: { title: 'Short' } }),
    ]);
  });
  after(() => tmp.remove());

  it('given a track mid-way and one queued, when the process restarts, then the track resumes where it was and the queue plays on', async () => {
    // given: the first process plays 1.5 s of the long track, then shuts down
    const first = await startWorkerHarness(data, music);
    const long = await first.enqueue('long');
    const short = await first.enqueue('short');
    await waitUntil(
      () => (first.worker.positionOf(GUILD)?.positionMs ?? 0) >= 1_500,
      10_000,
      '1.5 s of audio',
    );
    await first.close();
    const stoppedAt = savedPosition(data);

    // when: a new process starts on the same data
    const second = await startWorkerHarness(data, music);
    try {
      await waitUntil(
        async () =>
          (await second.events()).some(
            (e) => e.type === 'TrackEnded' && (e.data as { trackId: string }).trackId === short,
          ),
        15_000,
        'the queue to finish',
      );
      // then: the long track started again at the position the audio had reached, and ended normally
      const events = await second.events();
      assert.deepEqual(
        summary(events, { [long]: 'long', [short]: 'short' }).filter((l) => l !== 'TracksQueued'),
        [
          'TrackStarted(long)',
          'TrackStarted(long)',
          'TrackEnded(long, finished)',
          'TrackStarted(short)',
          'TrackEnded(short, finished)',
        ],
      );
      const resumedAt = (events.filter((e) => e.type === 'TrackStarted')[1].data as { positionMs: number })
        .positionMs;
      assert.ok(
        resumedAt >= 1_500 && Math.abs(resumedAt - stoppedAt) <= 100,
        `resumed at ${resumedAt}, stopped at ${stoppedAt}`,
      );
      // then: only the rest of the long track and the short one were played: about 2.5 s + 1 s
      const played = second.connector.taps.get(GUILD)!.audio;
      assert.ok(played >= 160 && played <= 190, `${played} packets after the restart`);
    } finally {
      await second.close();
    }
  });
});

/** The position the worker saved on shutdown, read from its own store as the next process will. */
function savedPosition(data: string): number {
  const store = WorkerStore.open(join(data, 'player-worker.sqlite'));
  try {
    return store.activeGuilds()[0]?.positionMs ?? -1;
  } finally {
    store.close();
  }
}
