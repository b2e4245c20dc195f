import type { PlayerEvent, TrackRecalled, VoiceConnectionLost, VoiceFaultCause } from './player.events';
import { PLAYER_LIMITS, type LoopMode, type Track } from './player.track';

/** The track audio is playing (or paused on), and where in it. */
export interface NowPlaying {
  readonly track: Track;
  /** Position in ms at `startedAt`; while paused, the position it is paused at. */
  readonly offsetMs: number;
  /** When audio (re)started at `offsetMs`: start, resume or seek. ISO 8601. */
  readonly startedAt: string;
  readonly paused: boolean;
  /** Held where `offsetMs` says while the voice connection is down (never played into a dead one). */
  readonly held?: boolean;
}

/** The last voice fault: while `reconnecting`, the worker is trying again. Cleared by a reconnect or a join. */
export interface VoiceFault {
  readonly cause: VoiceFaultCause;
  readonly closeCode: number | null;
  readonly reconnecting: boolean;
  readonly since: string;
}

/** A guild's player folded from `player-{guildId}`. */
export interface PlayerState {
  readonly guildId: string | null;
  readonly voiceChannelId: string | null;
  readonly current: NowPlaying | null;
  /** Upcoming tracks in stored order (fair share may play them in another order: see `upcoming`). */
  readonly queue: readonly Track[];
  /** Ended tracks, oldest first, at most `PLAYER_LIMITS.historyLength`. */
  readonly history: readonly Track[];
  readonly volume: number;
  readonly loop: LoopMode;
  readonly fairShare: boolean;
  readonly voiceFault: VoiceFault | null;
}

export const initialPlayerState = (): PlayerState => ({
  guildId: null,
  voiceChannelId: null,
  current: null,
  queue: [],
  history: [],
  volume: PLAYER_LIMITS.defaultVolume,
  loop: 'off',
  fairShare: false,
  voiceFault: null,
});

const withHistory = (history: readonly Track[], track: Track): readonly Track[] =>
  [...history, track].slice(-PLAYER_LIMITS.historyLength);

function lastIndexById(tracks: readonly Track[], trackId: string): number {
  for (let i = tracks.length - 1; i >= 0; i--) if (tracks[i].trackId === trackId) return i;
  return -1;
}

function recall(state: PlayerState, { trackId, returnTrackId }: TrackRecalled['data']): PlayerState {
  const at = lastIndexById(state.history, trackId);
  if (at < 0) return state;
  const recalled = state.history[at];
  let history = state.history.filter((_, i) => i !== at);
  let returning: Track | undefined;
  if (returnTrackId !== null) {
    const back = lastIndexById(history, returnTrackId);
    returning = history[back] ?? state.queue.find((t) => t.trackId === returnTrackId);
    if (back >= 0) history = history.filter((_, i) => i !== back);
  }
  // With loop `queue` the skipped track was also appended to the queue: take it from there too.
  const rest = state.queue.filter((t) => t.trackId !== trackId && t.trackId !== returnTrackId);
  return { ...state, history, queue: [recalled, ...(returning ? [returning] : []), ...rest] };
}

function ended(state: PlayerState, trackId: string, reason: string): PlayerState {
  const current = state.current;
  if (current === null || current.track.trackId !== trackId) return state;
  const track = current.track;
  let queue = state.queue;
  // Loops are applied here, when the track ends, so `nextTrack` only ever reads the queue's head.
  // A failed track is never requeued: it would fail again forever.
  if (state.loop === 'track' && reason === 'finished') queue = [track, ...queue];
  if (state.loop === 'queue' && (reason === 'finished' || reason === 'skipped')) queue = [...queue, track];
  return { ...state, current: null, queue, history: withHistory(state.history, track) };
}

function started(state: PlayerState, trackId: string, positionMs: number, startedAt: string): PlayerState {
  // A track started while the connection is down waits for it, held like the one it replaced.
  const hold = state.voiceFault?.reconnecting ? { held: true } : {};
  const play = (track: Track): NowPlaying => ({
    track,
    offsetMs: positionMs,
    startedAt,
    paused: false,
    ...hold,
  });
  if (state.current?.track.trackId === trackId) return { ...state, current: play(state.current.track) };
  const track = state.queue.find((t) => t.trackId === trackId);
  if (!track) return state;
  return { ...state, current: play(track), queue: state.queue.filter((t) => t !== track) };
}

function moved(queue: readonly Track[], trackId: string, toIndex: number): readonly Track[] {
  const track = queue.find((t) => t.trackId === trackId);
  if (!track) return queue;
  const rest = queue.filter((t) => t !== track);
  return [...rest.slice(0, toIndex), track, ...rest.slice(toIndex)];
}

function shuffled(queue: readonly Track[], order: readonly string[]): readonly Track[] {
  const byId = new Map(queue.map((t) => [t.trackId, t]));
  const inOrder = order.flatMap((id) => byId.get(id) ?? []);
  const listed = new Set(order);
  return [...inOrder, ...queue.filter((t) => !listed.has(t.trackId))];
}

/** The current track placed at a measured position (`held`: not advancing). */
function measured(
  current: NowPlaying | null,
  positionMs: number | null,
  at: string,
  held: boolean | undefined,
): NowPlaying | null {
  if (current === null) return null;
  const { held: _wasHeld, ...rest } = current;
  return {
    ...rest,
    offsetMs: positionMs ?? current.offsetMs,
    startedAt: at,
    ...(held ? { held: true } : {}),
  };
}

function voiceLost(state: PlayerState, data: VoiceConnectionLost['data']): PlayerState {
  const { cause, closeCode, reconnecting, lostAt } = data;
  const voiceFault = { cause, closeCode, reconnecting, since: lostAt };
  if (!reconnecting) return { ...state, voiceFault, voiceChannelId: null };
  const current = state.current?.track.trackId === data.trackId ? state.current : null;
  return {
    ...state,
    voiceFault,
    current: current ? measured(current, data.positionMs, lostAt, true) : state.current,
  };
}

/** Folds one player event. Events are trusted; unknown types are ignored (a newer writer may add some). */
export function evolvePlayer(state: PlayerState, event: PlayerEvent): PlayerState {
  const s: PlayerState = { ...state, guildId: event.data.guildId };
  switch (event.type) {
    case 'VoiceChannelJoined':
      return { ...s, voiceChannelId: event.data.channelId, voiceFault: null };
    case 'VoiceChannelLeft':
    case 'IdleDisconnected':
      return { ...s, voiceChannelId: null };
    case 'VoiceChannelMoved':
      return { ...s, voiceChannelId: event.data.channelId };
    case 'VoiceConnectionLost':
      return voiceLost(s, event.data);
    case 'VoiceReconnected':
      return {
        ...s,
        voiceFault: null,
        current: measured(s.current, event.data.positionMs, event.data.reconnectedAt, false),
      };
    case 'PlaybackProgressed':
      return s.current?.track.trackId === event.data.trackId
        ? { ...s, current: measured(s.current, event.data.positionMs, event.data.at, s.current.held) }
        : s;
    case 'TracksQueued': {
      const tracks = event.data.tracks;
      return {
        ...s,
        queue: event.data.placement === 'next' ? [...tracks, ...s.queue] : [...s.queue, ...tracks],
      };
    }
    case 'TrackStarted':
      return started(s, event.data.trackId, event.data.positionMs, event.data.startedAt);
    case 'TrackEnded':
      return ended(s, event.data.trackId, event.data.reason);
    case 'PlaybackPaused':
      return s.current
        ? { ...s, current: { ...s.current, paused: true, offsetMs: event.data.positionMs } }
        : s;
    case 'PlaybackResumed': {
      const { positionMs, resumedAt } = event.data;
      return s.current
        ? { ...s, current: { ...s.current, paused: false, offsetMs: positionMs, startedAt: resumedAt } }
        : s;
    }
    case 'TrackSeeked': {
      const { positionMs, seekedAt } = event.data;
      return s.current ? { ...s, current: { ...s.current, offsetMs: positionMs, startedAt: seekedAt } } : s;
    }
    case 'VolumeChanged':
      return { ...s, volume: event.data.volume };
    case 'LoopModeChanged':
      return { ...s, loop: event.data.mode };
    case 'FairShareChanged':
      return { ...s, fairShare: event.data.enabled };
    case 'PlayerStopped':
      return { ...s, current: null, queue: [], voiceChannelId: null };
    case 'TrackRemoved':
      return { ...s, queue: s.queue.filter((t) => t.trackId !== event.data.trackId) };
    case 'TrackMoved':
      return { ...s, queue: moved(s.queue, event.data.trackId, event.data.toIndex) };
    case 'QueueShuffled':
      return { ...s, queue: shuffled(s.queue, event.data.order) };
    case 'QueueCleared':
      return { ...s, queue: [] };
    case 'TrackRecalled':
      return recall(s, event.data);
    default:
      return state;
  }
}
