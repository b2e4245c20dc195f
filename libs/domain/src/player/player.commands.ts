import type { VoiceFaultCause } from './player.events';
import type { LoopMode, QueuePlacement, Track, TrackEndReason } from './player.track';

interface Cmd<T extends string> {
  readonly type: T;
  readonly guildId: string;
}

export interface JoinVoiceChannel extends Cmd<'JoinVoiceChannel'> {
  readonly channelId: string;
  readonly requestedBy: string;
}
export interface LeaveVoiceChannel extends Cmd<'LeaveVoiceChannel'> {
  readonly requestedBy: string;
}
/** Tracks come resolved and with their ids: resolving and id generation happen in the handler. */
export interface EnqueueTracks extends Cmd<'EnqueueTracks'> {
  readonly tracks: readonly Track[];
  readonly placement: QueuePlacement;
}
/** Dispatched by the player worker when audio began (`positionMs` 0, or where it resumed). */
export interface StartTrack extends Cmd<'StartTrack'> {
  readonly trackId: string;
  readonly positionMs: number;
}
/** Dispatched by the player worker when audio stopped on its own (finished or failed). */
export interface EndTrack extends Cmd<'EndTrack'> {
  readonly trackId: string;
  readonly reason: TrackEndReason;
  readonly positionMs: number;
  readonly error?: string;
}
export type PausePlayback = Cmd<'PausePlayback'>;
export type ResumePlayback = Cmd<'ResumePlayback'>;
/** Skips the current track; with `trackId`, only if that is still the current one (no double skip). */
export interface SkipTrack extends Cmd<'SkipTrack'> {
  readonly trackId?: string;
}
export type PlayPrevious = Cmd<'PlayPrevious'>;
export type StopPlayer = Cmd<'StopPlayer'>;
export interface SetVolume extends Cmd<'SetVolume'> {
  readonly volume: number;
}
export interface SeekTrack extends Cmd<'SeekTrack'> {
  readonly positionMs: number;
}
export interface RemoveTrack extends Cmd<'RemoveTrack'> {
  readonly trackId: string;
}
/** Moves a queued track to `toIndex` of the upcoming queue (0 = plays next). */
export interface MoveTrack extends Cmd<'MoveTrack'> {
  readonly trackId: string;
  readonly toIndex: number;
}
/** `order` is the permutation of the queued track ids, drawn by the caller so deciding stays pure. */
export interface ShuffleQueue extends Cmd<'ShuffleQueue'> {
  readonly order: readonly string[];
}
export type ClearQueue = Cmd<'ClearQueue'>;
export interface SetLoopMode extends Cmd<'SetLoopMode'> {
  readonly mode: LoopMode;
}
export interface SetFairShare extends Cmd<'SetFairShare'> {
  readonly enabled: boolean;
}

// ── reported by the player worker ──

/** The voice connection went down (`reconnecting` false: for good); `positionMs` where the audio stopped. */
export interface ReportVoiceLost extends Cmd<'ReportVoiceLost'> {
  readonly cause: VoiceFaultCause;
  readonly closeCode: number | null;
  readonly reconnecting: boolean;
  readonly positionMs?: number;
}
export interface ReportVoiceReconnected extends Cmd<'ReportVoiceReconnected'> {
  readonly positionMs?: number;
}
export interface ReportVoiceMoved extends Cmd<'ReportVoiceMoved'> {
  readonly channelId: string;
}
export interface CheckpointPlayback extends Cmd<'CheckpointPlayback'> {
  readonly trackId: string;
  readonly positionMs: number;
}
export interface DisconnectIdle extends Cmd<'DisconnectIdle'> {
  readonly idleSeconds: number;
}
export type PlayerWorkerReport =
  ReportVoiceLost | ReportVoiceReconnected | ReportVoiceMoved | CheckpointPlayback | DisconnectIdle;

export type PlayerCommand =
  | JoinVoiceChannel
  | LeaveVoiceChannel
  | EnqueueTracks
  | StartTrack
  | EndTrack
  | PausePlayback
  | ResumePlayback
  | SkipTrack
  | PlayPrevious
  | StopPlayer
  | SetVolume
  | SeekTrack
  | RemoveTrack
  | MoveTrack
  | ShuffleQueue
  | ClearQueue
  | SetLoopMode
  | SetFairShare
  | PlayerWorkerReport;
