import type { DomainEvent } from '../shared/decider';
import type { LoopMode, QueuePlacement, Track, TrackEndReason } from './player.track';

type Data<T> = { readonly guildId: string } & T;

export type VoiceChannelJoined = DomainEvent<
  'VoiceChannelJoined',
  Data<{ readonly channelId: string; readonly requestedBy: string }>
>;
export type VoiceChannelLeft = DomainEvent<
  'VoiceChannelLeft',
  Data<{ readonly channelId: string; readonly requestedBy: string }>
>;
/** One track or a whole playlist, in order, at the end of the queue or ahead of it. */
export type TracksQueued = DomainEvent<
  'TracksQueued',
  Data<{ readonly tracks: readonly Track[]; readonly placement: QueuePlacement }>
>;
/**
 * Audio began (reported by the player worker, or by the demo loader). `positionMs` is where in the
 * track it began: 0, or a resume or seek point; `startedAt` lets readers compute the live position.
 */
export type TrackStarted = DomainEvent<
  'TrackStarted',
  Data<{ readonly trackId: string; readonly positionMs: number; readonly startedAt: string }>
>;
export type TrackEnded = DomainEvent<
  'TrackEnded',
  Data<{
    readonly trackId: string;
    readonly reason: TrackEndReason;
    readonly positionMs: number;
    /** Why playback failed; only with reason `failed`. */
    readonly error?: string;
  }>
>;
export type PlaybackPaused = DomainEvent<
  'PlaybackPaused',
  Data<{ readonly trackId: string; readonly positionMs: number }>
>;
export type PlaybackResumed = DomainEvent<
  'PlaybackResumed',
  Data<{ readonly trackId: string; readonly positionMs: number; readonly resumedAt: string }>
>;
export type VolumeChanged = DomainEvent<'VolumeChanged', Data<{ readonly volume: number }>>;
export type TrackSeeked = DomainEvent<
  'TrackSeeked',
  Data<{ readonly trackId: string; readonly positionMs: number; readonly seekedAt: string }>
>;
/** The player was destroyed: queue cleared, nothing current, voice channel left. Settings are kept. */
export type PlayerStopped = DomainEvent<
  'PlayerStopped',
  Data<{ readonly clearedTrackIds: readonly string[] }>
>;
export type TrackRemoved = DomainEvent<'TrackRemoved', Data<{ readonly trackId: string }>>;
export type TrackMoved = DomainEvent<
  'TrackMoved',
  Data<{ readonly trackId: string; readonly fromIndex: number; readonly toIndex: number }>
>;
/** The queue's new order, as track ids: the shuffle itself happened outside the decider. */
export type QueueShuffled = DomainEvent<'QueueShuffled', Data<{ readonly order: readonly string[] }>>;
export type QueueCleared = DomainEvent<'QueueCleared', Data<{ readonly clearedTrackIds: readonly string[] }>>;
export type LoopModeChanged = DomainEvent<'LoopModeChanged', Data<{ readonly mode: LoopMode }>>;
export type FairShareChanged = DomainEvent<'FairShareChanged', Data<{ readonly enabled: boolean }>>;
/**
 * `previous`: a track from the history goes back to the head of the queue. `returnTrackId` is the track
 * that was playing (ended just before as `skipped`); it is queued right after, so `skip` comes back to it.
 */
export type TrackRecalled = DomainEvent<
  'TrackRecalled',
  Data<{ readonly trackId: string; readonly returnTrackId: string | null }>
>;

/** Why a voice connection went down (see docs/VOICE.md). */
export type VoiceFaultCause =
  | 'socket_closed'
  | 'udp_silent'
  | 'server_moved'
  | 'endpoint_removed'
  | 'adapter_unavailable'
  | 'reconnect_failed';

/**
 * The worker's voice connection went down. `reconnecting`: the worker tries again and holds the track
 * at `positionMs` meanwhile; false: Discord said not to (4014) or every attempt failed, so the player
 * left the channel (the current track ended just before, as `stopped`).
 */
export type VoiceConnectionLost = DomainEvent<
  'VoiceConnectionLost',
  Data<{
    readonly channelId: string;
    readonly cause: VoiceFaultCause;
    /** The voice WebSocket's close code, when a close caused it. */
    readonly closeCode: number | null;
    readonly reconnecting: boolean;
    readonly trackId: string | null;
    readonly positionMs: number | null;
    readonly lostAt: string;
  }>
>;
/** The voice connection is ready again; the held track plays on from `positionMs`. */
export type VoiceReconnected = DomainEvent<
  'VoiceReconnected',
  Data<{
    readonly channelId: string;
    readonly trackId: string | null;
    readonly positionMs: number | null;
    readonly reconnectedAt: string;
  }>
>;
/** Someone moved the bot to another voice channel of the guild; the connection followed. */
export type VoiceChannelMoved = DomainEvent<
  'VoiceChannelMoved',
  Data<{ readonly fromChannelId: string; readonly channelId: string }>
>;
/** Where the audio actually was at `at` (frames sent), checkpointed by the worker every few seconds. */
export type PlaybackProgressed = DomainEvent<
  'PlaybackProgressed',
  Data<{ readonly trackId: string; readonly positionMs: number; readonly at: string }>
>;
/** Nothing played or was queued for `idleSeconds`: the worker left the channel. */
export type IdleDisconnected = DomainEvent<
  'IdleDisconnected',
  Data<{ readonly channelId: string; readonly idleSeconds: number }>
>;

export type PlayerEvent =
  | VoiceChannelJoined
  | VoiceChannelLeft
  | TracksQueued
  | TrackStarted
  | TrackEnded
  | PlaybackPaused
  | PlaybackResumed
  | VolumeChanged
  | TrackSeeked
  | PlayerStopped
  | TrackRemoved
  | TrackMoved
  | QueueShuffled
  | QueueCleared
  | LoopModeChanged
  | FairShareChanged
  | TrackRecalled
  | VoiceConnectionLost
  | VoiceReconnected
  | VoiceChannelMoved
  | PlaybackProgressed
  | IdleDisconnected;

export const PLAYER_EVENT_TYPES = [
  'VoiceChannelJoined',
  'VoiceChannelLeft',
  'TracksQueued',
  'TrackStarted',
  'TrackEnded',
  'PlaybackPaused',
  'PlaybackResumed',
  'VolumeChanged',
  'TrackSeeked',
  'PlayerStopped',
  'TrackRemoved',
  'TrackMoved',
  'QueueShuffled',
  'QueueCleared',
  'LoopModeChanged',
  'FairShareChanged',
  'TrackRecalled',
  'VoiceConnectionLost',
  'VoiceReconnected',
  'VoiceChannelMoved',
  'PlaybackProgressed',
  'IdleDisconnected',
] as const satisfies readonly PlayerEvent['type'][];
