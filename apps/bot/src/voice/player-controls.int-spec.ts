import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  PausePlaybackCommand,
  ResumePlaybackCommand,
  SeekTrackCommand,
  SetVolumeCommand,
  SkipTrackCommand,
  StopPlayerCommand,
  systemContext,
} from '#core';
import { tempDir } from '#music/testing/temp-dir';
import { writeTone } from '#music/testing/test-audio';
import { GUILD, startWorkerHarness, summary, waitUntil, type WorkerHarness } from './testing/worker-harness';

const ctx = () => systemContext('rest', 'test');

describe('player worker controls', () => {
  const tmp = tempDir('guildhall-controls-');
  const music = join(tmp.dir, 'music');
  let run = 0;
  let h: WorkerHarness;
  const start = async () => (h = await startWorkerHarness(join(tmp.dir, `data-${run++}`), music));
  const audio = () => h.worker.audioOf(GUILD)!;
  const playing = (trackId: string) => () =>
    audio()?.trackId === trackId && (audio().positionMs() ?? 0) > 200;

  before(async () => {
    await Promise.all([
      writeTone(join(music, 'long.opus'), { seconds: 4, tags: { title: 'Long Opus' } }),
      writeTone(join(music, 'short.mp3'), { seconds: 1, tags: { title: 'Short Mp3' } }),
      writeTone(join(music, 'doomed.mp3'), { seconds: 1, tags: { title: 'Doomed' } }),
    ]);
  });
  afterEach(() => h.close());
  after(() => tmp.remove());

  it('given a playing track, when skipped, then its audio stops and the next track starts', async () => {
    await start();
    const long = await h.enqueue('long opus');
    const short = await h.enqueue('short mp3');
    await waitUntil(playing(long), 10_000, 'the long track');
    await h.bus.execute(new SkipTrackCommand(GUILD, ctx()));
    await waitUntil(
      async () =>
        (await h.events()).some(
          (e) => e.type === 'TrackEnded' && (e.data as { trackId: string }).trackId === short,
        ),
      10_000,
      'the short track to end',
    );
    const names = { [long]: 'long', [short]: 'short' };
    assert.deepEqual(
      summary(await h.events(), names).filter((l) => l !== 'TracksQueued'),
      [
        'TrackStarted(long)',
        'TrackEnded(long, skipped)',
        'TrackStarted(short)',
        'TrackEnded(short, finished)',
      ],
    );
  });

  it('given a playing track, when paused and resumed, then no audio flows while paused and it finishes after', async () => {
    await start();
    const long = await h.enqueue('long opus');
    await waitUntil(playing(long), 10_000, 'the track');
    await h.bus.execute(new PausePlaybackCommand(GUILD, ctx()));
    await waitUntil(() => audio().player.state.status === 'paused', 5_000, 'the player to pause');
    const tap = h.connector.taps.get(GUILD)!;
    const [before, position] = [tap.audio, audio().positionMs()];
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(tap.audio, before, 'no audio packets while paused');
    assert.equal(audio().positionMs(), position);
    await h.bus.execute(new ResumePlaybackCommand(GUILD, ctx()));
    await waitUntil(async () => (await h.events()).some((e) => e.type === 'TrackEnded'), 10_000, 'the end');
    const ended = (await h.events()).find((e) => e.type === 'TrackEnded')!.data as {
      reason: string;
      positionMs: number;
    };
    assert.equal(ended.reason, 'finished');
    assert.ok(ended.positionMs >= 3_900, `ended at ${ended.positionMs}`);
  });

  it('given an Opus track passing through, when the volume changes, then FFmpeg takes over at the same position', async () => {
    await start();
    const long = await h.enqueue('long opus');
    await waitUntil(playing(long), 10_000, 'the track');
    assert.equal(audio().mode, 'passthrough');
    await h.bus.execute(new SetVolumeCommand(GUILD, 40, ctx()));
    await waitUntil(() => audio().mode === 'transcode', 5_000, 'the transcode');
    assert.equal(audio().volume, 40);
    await waitUntil(async () => (await h.events()).some((e) => e.type === 'TrackEnded'), 10_000, 'the end');
    const ended = (await h.events()).find((e) => e.type === 'TrackEnded')!.data as {
      reason: string;
      positionMs: number;
    };
    // The position carried over the restart of FFmpeg: the track still lasted its 4 s, not more.
    assert.equal(ended.reason, 'finished');
    assert.ok(ended.positionMs >= 3_900 && ended.positionMs <= 4_300, `ended at ${ended.positionMs}`);
    const tap = h.connector.taps.get(GUILD)!;
    assert.ok(tap.audio >= 190 && tap.audio <= 215, `${tap.audio} packets for 4 s`);
  });

  it('given a playing track, when seeked, then audio continues from the new position', async () => {
    await start();
    const long = await h.enqueue('long opus');
    await waitUntil(playing(long), 10_000, 'the track');
    await h.bus.execute(new SeekTrackCommand(GUILD, 3_000, ctx()));
    await waitUntil(
      () => (audio().positionMs() ?? 0) >= 3_000 || audio().trackId === undefined,
      5_000,
      'the seek',
    );
    await waitUntil(async () => (await h.events()).some((e) => e.type === 'TrackEnded'), 5_000, 'the end');
    assert.equal(audio().mode, undefined);
    assert.ok(h.connector.taps.get(GUILD)!.audio < 150, 'the skipped-over second was not played');
  });

  it('given a track whose file vanished, when its turn comes, then it ends as failed and the next plays', async () => {
    await start();
    const doomed = await h.enqueue('doomed');
    rmSync(join(music, 'doomed.mp3'));
    const short = await h.enqueue('short mp3');
    await waitUntil(
      async () => (await h.events()).filter((e) => e.type === 'TrackEnded').length === 2,
      10_000,
      'two ends',
    );
    const names = { [doomed]: 'doomed', [short]: 'short' };
    assert.deepEqual(
      summary(await h.events(), names).filter((l) => l !== 'TracksQueued'),
      [
        'TrackStarted(doomed)',
        'TrackEnded(doomed, failed)',
        'TrackStarted(short)',
        'TrackEnded(short, finished)',
      ],
    );
    const failed = (await h.events()).find((e) => e.type === 'TrackEnded')!.data as { error?: string };
    assert.match(failed.error ?? '', /No such file|ffprobe|ffmpeg/i);
  });

  it('given a playing track, when the player is stopped, then the audio stops and nothing else starts', async () => {
    await start();
    const long = await h.enqueue('long opus');
    await h.enqueue('short mp3');
    await waitUntil(playing(long), 10_000, 'the track');
    await h.bus.execute(new StopPlayerCommand(GUILD, ctx()));
    await waitUntil(() => audio().trackId === undefined, 5_000, 'the audio to stop');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const types = (await h.events()).map((e) => e.type).filter((t) => t !== 'TracksQueued');
    assert.deepEqual(types, ['TrackStarted', 'TrackEnded', 'PlayerStopped']);
  });
});
