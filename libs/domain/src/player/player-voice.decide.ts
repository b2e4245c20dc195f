import { assertSnowflake } from '../guild/guild.rules';
import type { DecisionContext } from '../shared/decider';
import type {
  CheckpointPlayback,
  DisconnectIdle,
  ReportVoiceLost,
  ReportVoiceMoved,
  ReportVoiceReconnected,
} from './player.commands';
import type { PlayerEvent, VoiceFaultCause } from './player.events';
import { positionAt } from './player.queue';
import { assertOneOf, assertPositionMs, invalid } from './player.rules';
import type { NowPlaying, PlayerState } from './player.state';

const CAUSES: readonly VoiceFaultCause[] = [
  'socket_closed',
  'udp_silent',
  'server_moved',
  'endpoint_removed',
  'adapter_unavailable',
  'reconnect_failed',
];

/** Where the worker measured the audio, or (without a measure) where the log places it; within the track. */
function measuredPosition(current: NowPlaying, reported: unknown, nowMs: number): number {
  const positionMs = reported === undefined ? positionAt(current, nowMs) : assertPositionMs(reported);
  const lengthMs = current.track.durationSec * 1000;
  return !current.track.isStream && lengthMs > 0 ? Math.min(positionMs, lengthMs) : positionMs;
}

/**
 * The connection went down. Recorded once per outage (a retry that fails again changes nothing), and
 * only while the player is in a channel: a disconnect the player asked for is not a fault.
 */
export function voiceLost(
  command: ReportVoiceLost,
  state: PlayerState,
  context: DecisionContext,
): PlayerEvent[] {
  const cause = assertOneOf(command.cause, CAUSES, 'cause');
  const closeCode = command.closeCode;
  if (closeCode !== null && !(Number.isInteger(closeCode) && closeCode >= 1000 && closeCode <= 4999))
    throw invalid('invalid_close_code', 'closeCode must be a WebSocket close code or null', 'closeCode');
  const channelId = state.voiceChannelId;
  if (channelId === null) return [];
  if (command.reconnecting && state.voiceFault?.reconnecting) return [];
  const { guildId } = command;
  const current = state.current;
  const positionMs = current ? measuredPosition(current, command.positionMs, Date.parse(context.now)) : null;
  const trackId = current?.track.trackId ?? null;
  const lost: PlayerEvent = {
    type: 'VoiceConnectionLost',
    data: {
      guildId,
      channelId,
      cause,
      closeCode,
      reconnecting: command.reconnecting,
      trackId,
      positionMs,
      lostAt: context.now,
    },
  };
  if (command.reconnecting || trackId === null) return [lost];
  // For good: nothing can play, so the track ends where the audio stopped; the queue waits for a join.
  const ended: PlayerEvent = {
    type: 'TrackEnded',
    data: { guildId, trackId, reason: 'stopped', positionMs: positionMs! },
  };
  return [ended, lost];
}

export function voiceReconnected(
  command: ReportVoiceReconnected,
  state: PlayerState,
  context: DecisionContext,
): PlayerEvent[] {
  if (!state.voiceFault?.reconnecting || state.voiceChannelId === null) return [];
  const current = state.current;
  const positionMs = current ? measuredPosition(current, command.positionMs, Date.parse(context.now)) : null;
  return [
    {
      type: 'VoiceReconnected',
      data: {
        guildId: command.guildId,
        channelId: state.voiceChannelId,
        trackId: current?.track.trackId ?? null,
        positionMs,
        reconnectedAt: context.now,
      },
    },
  ];
}

export function voiceMoved(command: ReportVoiceMoved, state: PlayerState): PlayerEvent[] {
  assertSnowflake(command.channelId, 'channelId');
  const from = state.voiceChannelId;
  if (from === null || from === command.channelId) return [];
  return [
    {
      type: 'VoiceChannelMoved',
      data: { guildId: command.guildId, fromChannelId: from, channelId: command.channelId },
    },
  ];
}

/** Only a track that is audibly playing is checkpointed: a paused or held one has not moved. */
export function checkpoint(
  command: CheckpointPlayback,
  state: PlayerState,
  context: DecisionContext,
): PlayerEvent[] {
  const current = state.current;
  if (current?.track.trackId !== command.trackId || current.paused || current.held) return [];
  const positionMs = measuredPosition(current, command.positionMs, Date.parse(context.now));
  return [
    {
      type: 'PlaybackProgressed',
      data: { guildId: command.guildId, trackId: command.trackId, positionMs, at: context.now },
    },
  ];
}

/** The worker's idle timer ran out; anything queued or playing since then keeps the player in. */
export function disconnectIdle(command: DisconnectIdle, state: PlayerState): PlayerEvent[] {
  const idleSeconds = assertPositionMs(command.idleSeconds, 'idleSeconds');
  const channelId = state.voiceChannelId;
  if (channelId === null || state.current !== null || state.queue.length > 0) return [];
  return [{ type: 'IdleDisconnected', data: { guildId: command.guildId, channelId, idleSeconds } }];
}
