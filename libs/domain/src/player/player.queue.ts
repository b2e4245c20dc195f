import type { NowPlaying, PlayerState } from './player.state';
import type { Track } from './player.track';

/**
 * The order the queued tracks will play in. Without fair share it is the queue as stored. With fair
 * share, requesters take turns: the one served longest ago (or never) goes first, each requester's own
 * tracks keep their queue order, and a requester with nothing left drops out of the rotation. Loop
 * `track` keeps the stored order, so the looped track (requeued at the head) plays again.
 */
export function upcoming(state: PlayerState): readonly Track[] {
  if (!state.fairShare || state.loop === 'track' || state.queue.length < 2) return state.queue;
  const lastServed = new Map<string, number>();
  state.history.forEach((t, i) => lastServed.set(t.requestedBy, i));
  if (state.current) lastServed.set(state.current.track.requestedBy, state.history.length);
  const byRequester = new Map<string, Track[]>();
  for (const track of state.queue) {
    const own = byRequester.get(track.requestedBy);
    if (own) own.push(track);
    else byRequester.set(track.requestedBy, [track]);
  }
  // Map keeps first-appearance order, and the sort is stable: ties go to who queued first.
  const turns = [...byRequester.keys()].sort((a, b) => (lastServed.get(a) ?? -1) - (lastServed.get(b) ?? -1));
  const order: Track[] = [];
  for (let round = 0; order.length < state.queue.length; round++) {
    for (const requester of turns) {
      const track = byRequester.get(requester)![round];
      if (track) order.push(track);
    }
  }
  return order;
}

/**
 * What the player worker should start now: null while a track is current (wait for it to end) or when
 * nothing is queued. Loop modes are already applied to the queue when a track ends, so this is the head
 * of `upcoming`.
 */
export function nextTrack(state: PlayerState): Track | null {
  if (state.current !== null) return null;
  return upcoming(state)[0] ?? null;
}

/**
 * The position in ms of the current track at `nowMs` (epoch ms) as the log tells it: the last measured
 * offset plus the time since it was measured, or the paused or held position; never past the end of a
 * track of known length. The worker's own reading is exact; this is what a reader without it infers.
 */
export function positionAt(current: NowPlaying, nowMs: number): number {
  const raw =
    current.paused || current.held
      ? current.offsetMs
      : current.offsetMs + Math.max(0, nowMs - Date.parse(current.startedAt));
  const lengthMs = current.track.durationSec * 1000;
  return !current.track.isStream && lengthMs > 0 ? Math.min(raw, lengthMs) : raw;
}
