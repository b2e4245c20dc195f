import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readPlayback } from './player.playback';
import type { NowPlaying } from './player.state';
import { rick } from './player.fixtures';

const AT = Date.parse('2026-01-01T00:00:00.000Z');
const playing = (extra: Partial<NowPlaying> = {}): NowPlaying => ({
  track: rick,
  offsetMs: 10_000,
  startedAt: new Date(AT).toISOString(),
  paused: false,
  ...extra,
});
const STALE = 65_000;

describe('readPlayback', () => {
  it('given nothing current, then idle with no position', () => {
    assert.deepEqual(readPlayback({ current: null }, undefined, AT, STALE), {
      state: 'idle',
      isPlaying: false,
      positionMs: null,
      source: null,
    });
  });

  it('given the worker plays the track here, then its frames give the position, not the clock', () => {
    const live = { trackId: rick.trackId, positionMs: 12_340, audible: true };
    assert.deepEqual(readPlayback({ current: playing() }, live, AT + 60_000, STALE), {
      state: 'playing',
      isPlaying: true,
      positionMs: 12_340,
      source: 'worker',
    });
  });

  it('given the worker holds the track (voice not ready), then it is not playing', () => {
    const live = { trackId: rick.trackId, positionMs: 12_340, audible: false };
    const reading = readPlayback({ current: playing() }, live, AT, STALE);
    assert.equal(reading.state, 'waiting_for_voice');
    assert.equal(reading.isPlaying, false);
  });

  it('given a fresh measure in the log and no worker here, then the position runs on from it', () => {
    const reading = readPlayback({ current: playing() }, undefined, AT + 5_000, STALE);
    assert.deepEqual(reading, { state: 'playing', isPlaying: true, positionMs: 15_000, source: 'log' });
  });

  it('given a measure older than the stale limit, then no worker plays: not playing, position frozen', () => {
    const reading = readPlayback({ current: playing() }, undefined, AT + STALE + 1, STALE);
    assert.deepEqual(reading, { state: 'no_worker', isPlaying: false, positionMs: 10_000, source: 'log' });
  });

  it('given a held track in the log, then it waits for voice at the held position', () => {
    const reading = readPlayback({ current: playing({ held: true }) }, undefined, AT + 5_000, STALE);
    assert.deepEqual(reading, {
      state: 'waiting_for_voice',
      isPlaying: false,
      positionMs: 10_000,
      source: 'log',
    });
  });

  it('given a paused track, however old, then paused at its position', () => {
    const reading = readPlayback({ current: playing({ paused: true }) }, undefined, AT + 10 * STALE, STALE);
    assert.deepEqual(reading, { state: 'paused', isPlaying: false, positionMs: 10_000, source: 'log' });
  });
});
