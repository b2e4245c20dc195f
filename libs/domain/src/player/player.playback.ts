import { positionAt } from './player.queue';
import type { PlayerState } from './player.state';

/**
 * What a listener hears now. `playing`: audio goes out; `paused`: paused by a user; `waiting_for_voice`:
 * a track is current but the voice connection is not ready (held, never played into nothing);
 * `no_worker`: the log says a track plays, but no player worker has reported on it lately.
 */
export type PlaybackState = 'idle' | 'playing' | 'paused' | 'waiting_for_voice' | 'no_worker';

/** The player worker's own reading of a guild's audio, when it runs in this process. */
export interface LivePlayback {
  readonly trackId: string;
  /** Frames actually sent so far, as a position in the track. */
  readonly positionMs: number;
  /** Whether frames are going out now (not paused, not held by a connection that is not ready). */
  readonly audible: boolean;
}

export interface PlaybackReading {
  readonly state: PlaybackState;
  readonly isPlaying: boolean;
  /** Null when nothing is current. */
  readonly positionMs: number | null;
  /** `worker`: read from the audio in this process; `log`: the last position a worker recorded. */
  readonly source: 'worker' | 'log' | null;
}

/**
 * Reads the playback of a guild: from the worker when it plays the track here; otherwise from the
 * log, trusting its last measure only while it is younger than `staleAfterMs` (the worker records one
 * every few seconds while audio goes out), and saying `no_worker` past that instead of pretending.
 */
export function readPlayback(
  player: Pick<PlayerState, 'current'>,
  live: LivePlayback | undefined,
  nowMs: number,
  staleAfterMs: number,
): PlaybackReading {
  const current = player.current;
  if (current === null) return { state: 'idle', isPlaying: false, positionMs: null, source: null };
  if (live?.trackId === current.track.trackId) {
    const state = current.paused ? 'paused' : live.audible ? 'playing' : 'waiting_for_voice';
    return {
      state,
      isPlaying: state === 'playing',
      positionMs: Math.round(live.positionMs),
      source: 'worker',
    };
  }
  if (current.paused)
    return { state: 'paused', isPlaying: false, positionMs: current.offsetMs, source: 'log' };
  if (current.held)
    return { state: 'waiting_for_voice', isPlaying: false, positionMs: current.offsetMs, source: 'log' };
  if (nowMs - Date.parse(current.startedAt) > staleAfterMs)
    return { state: 'no_worker', isPlaying: false, positionMs: current.offsetMs, source: 'log' };
  return { state: 'playing', isPlaying: true, positionMs: positionAt(current, nowMs), source: 'log' };
}
