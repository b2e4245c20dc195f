import { assertSnowflake } from '../guild/guild.rules';
import type { DecisionContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type {
  EndTrack,
  JoinVoiceChannel,
  LeaveVoiceChannel,
  PlayPrevious,
  SeekTrack,
  SetVolume,
  SkipTrack,
  StartTrack,
  StopPlayer,
} from './player.commands';
import type { PlayerEvent, TrackEnded } from './player.events';
import { positionAt } from './player.queue';
import { assertOneOf, assertPositionMs, invalid } from './player.rules';
import type { NowPlaying, PlayerState } from './player.state';
import { PLAYER_LIMITS, TRACK_END_REASONS, type Track, type TrackEndReason } from './player.track';

const conflict = (code: string, message: string, field?: string) =>
  new DomainError('conflict', code, message, field);

/** The current track, or the refusal every playback command shares when nothing plays. */
export function requireCurrent(state: PlayerState): NowPlaying {
  if (state.current === null) throw conflict('nothing_playing', 'nothing is playing');
  return state.current;
}

/** Ends the current track now, at its live position (skip, stop, leave, previous). */
export function endCurrent(
  state: PlayerState,
  reason: TrackEndReason,
  context: DecisionContext,
): TrackEnded[] {
  const current = state.current;
  if (current === null) return [];
  const positionMs = positionAt(current, Date.parse(context.now));
  return [
    {
      type: 'TrackEnded',
      data: { guildId: state.guildId!, trackId: current.track.trackId, reason, positionMs },
    },
  ];
}

export function join(command: JoinVoiceChannel, state: PlayerState): PlayerEvent[] {
  assertSnowflake(command.channelId, 'channelId');
  assertSnowflake(command.requestedBy, 'requestedBy');
  if (state.voiceChannelId === command.channelId) return [];
  const { guildId, channelId, requestedBy } = command;
  return [{ type: 'VoiceChannelJoined', data: { guildId, channelId, requestedBy } }];
}

/** Leaving ends the current track (it cannot play without a channel); the queue stays for the next join. */
export function leave(
  command: LeaveVoiceChannel,
  state: PlayerState,
  context: DecisionContext,
): PlayerEvent[] {
  assertSnowflake(command.requestedBy, 'requestedBy');
  const channelId = state.voiceChannelId;
  if (channelId === null) throw conflict('not_connected', 'the player is not in a voice channel');
  const left: PlayerEvent = {
    type: 'VoiceChannelLeft',
    data: { guildId: command.guildId, channelId, requestedBy: command.requestedBy },
  };
  return [...endCurrent(state, 'stopped', context), left];
}

function assertWithinTrack({ durationSec, isStream }: Track, positionMs: number): void {
  if (!isStream && durationSec > 0 && positionMs > durationSec * 1000) {
    throw invalid(
      'position_out_of_range',
      `positionMs must be within the track (0–${durationSec * 1000})`,
      'positionMs',
    );
  }
}

/** Audio began. A track already current may start again (the worker resuming it after a restart). */
export function start(command: StartTrack, state: PlayerState, context: DecisionContext): PlayerEvent[] {
  const positionMs = assertPositionMs(command.positionMs);
  const { guildId, trackId } = command;
  const current = state.current;
  if (current !== null && current.track.trackId !== trackId) {
    throw conflict(
      'track_already_playing',
      `track ${current.track.trackId} is playing; end it first`,
      'trackId',
    );
  }
  const track = current?.track ?? state.queue.find((t) => t.trackId === trackId);
  if (track === undefined) {
    throw new DomainError('not_found', 'track_not_queued', `track ${trackId} is not queued`, 'trackId');
  }
  assertWithinTrack(track, positionMs);
  return [{ type: 'TrackStarted', data: { guildId, trackId, positionMs, startedAt: context.now } }];
}

/** Audio stopped on its own. Ending a track that is no longer current is a no-op: a skip got there first. */
export function end(command: EndTrack, state: PlayerState): PlayerEvent[] {
  const reason = assertOneOf(command.reason, TRACK_END_REASONS, 'reason');
  const positionMs = assertPositionMs(command.positionMs);
  if (state.current?.track.trackId !== command.trackId) return [];
  const { guildId, trackId } = command;
  const error =
    reason === 'failed' && typeof command.error === 'string' ? { error: command.error.slice(0, 500) } : {};
  return [{ type: 'TrackEnded', data: { guildId, trackId, reason, positionMs, ...error } }];
}

export function pause(state: PlayerState, context: DecisionContext): PlayerEvent[] {
  const current = requireCurrent(state);
  if (current.paused) throw conflict('already_paused', 'the player is already paused');
  const positionMs = positionAt(current, Date.parse(context.now));
  return [
    { type: 'PlaybackPaused', data: { guildId: state.guildId!, trackId: current.track.trackId, positionMs } },
  ];
}

export function resume(state: PlayerState, context: DecisionContext): PlayerEvent[] {
  const current = requireCurrent(state);
  if (!current.paused) throw conflict('not_paused', 'the player is not paused');
  const { trackId } = current.track;
  return [
    {
      type: 'PlaybackResumed',
      data: { guildId: state.guildId!, trackId, positionMs: current.offsetMs, resumedAt: context.now },
    },
  ];
}

/** With `trackId`, a skip of a track that already ended changes nothing (two people pressed skip). */
export function skip(command: SkipTrack, state: PlayerState, context: DecisionContext): PlayerEvent[] {
  const current = requireCurrent(state);
  if (command.trackId !== undefined && command.trackId !== current.track.trackId) return [];
  return endCurrent(state, 'skipped', context);
}

export function previous(
  _command: PlayPrevious,
  state: PlayerState,
  context: DecisionContext,
): PlayerEvent[] {
  const last = state.history.at(-1);
  if (last === undefined) throw conflict('no_previous_track', 'no track has played yet');
  const returnTrackId = state.current?.track.trackId ?? null;
  const recalled: PlayerEvent = {
    type: 'TrackRecalled',
    data: { guildId: state.guildId!, trackId: last.trackId, returnTrackId },
  };
  return [...endCurrent(state, 'skipped', context), recalled];
}

/** Stopping an idle player changes nothing, so the Elixir door can answer success either way. */
export function stop(command: StopPlayer, state: PlayerState, context: DecisionContext): PlayerEvent[] {
  if (state.current === null && state.queue.length === 0 && state.voiceChannelId === null) return [];
  const clearedTrackIds = state.queue.map((t) => t.trackId);
  return [
    ...endCurrent(state, 'stopped', context),
    { type: 'PlayerStopped', data: { guildId: command.guildId, clearedTrackIds } },
  ];
}

export function setVolume(command: SetVolume, state: PlayerState): PlayerEvent[] {
  const { volume } = command;
  const { minVolume, maxVolume } = PLAYER_LIMITS;
  if (typeof volume !== 'number' || !Number.isInteger(volume) || volume < minVolume || volume > maxVolume) {
    throw invalid(
      'invalid_volume',
      `volume must be a whole number from ${minVolume} to ${maxVolume}`,
      'volume',
    );
  }
  if (volume === state.volume) return [];
  return [{ type: 'VolumeChanged', data: { guildId: command.guildId, volume } }];
}

export function seek(command: SeekTrack, state: PlayerState, context: DecisionContext): PlayerEvent[] {
  const current = requireCurrent(state);
  const positionMs = assertPositionMs(command.positionMs);
  if (current.track.isStream) throw conflict('not_seekable', 'a live stream cannot be seeked', 'positionMs');
  assertWithinTrack(current.track, positionMs);
  const { trackId } = current.track;
  return [
    { type: 'TrackSeeked', data: { guildId: command.guildId, trackId, positionMs, seekedAt: context.now } },
  ];
}
