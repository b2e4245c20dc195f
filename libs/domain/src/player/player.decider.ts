import { assertSnowflake } from '../guild/guild.rules';
import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import * as playback from './player-playback.decide';
import * as queue from './player-queue.decide';
import * as voice from './player-voice.decide';
import type { PlayerCommand } from './player.commands';
import type { PlayerEvent } from './player.events';
import { evolvePlayer, initialPlayerState, type PlayerState } from './player.state';

function decide(command: PlayerCommand, state: PlayerState, context: DecisionContext): PlayerEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  // Deciders read the guild id from the state for events about the current track: give it one.
  const s: PlayerState = state.guildId === null ? { ...state, guildId: command.guildId } : state;
  switch (command.type) {
    case 'JoinVoiceChannel':
      return playback.join(command, s);
    case 'LeaveVoiceChannel':
      return playback.leave(command, s, context);
    case 'EnqueueTracks':
      return queue.enqueue(command, s);
    case 'StartTrack':
      return playback.start(command, s, context);
    case 'EndTrack':
      return playback.end(command, s);
    case 'PausePlayback':
      return playback.pause(s, context);
    case 'ResumePlayback':
      return playback.resume(s, context);
    case 'SkipTrack':
      return playback.skip(command, s, context);
    case 'PlayPrevious':
      return playback.previous(command, s, context);
    case 'StopPlayer':
      return playback.stop(command, s, context);
    case 'SetVolume':
      return playback.setVolume(command, s);
    case 'SeekTrack':
      return playback.seek(command, s, context);
    case 'RemoveTrack':
      return queue.remove(command, s);
    case 'MoveTrack':
      return queue.move(command, s);
    case 'ShuffleQueue':
      return queue.shuffle(command, s);
    case 'ClearQueue':
      return queue.clear(command, s);
    case 'SetLoopMode':
      return queue.setLoop(command, s);
    case 'SetFairShare':
      return queue.setFairShare(command, s);
    case 'ReportVoiceLost':
      return voice.voiceLost(command, s, context);
    case 'ReportVoiceReconnected':
      return voice.voiceReconnected(command, s, context);
    case 'ReportVoiceMoved':
      return voice.voiceMoved(command, s);
    case 'CheckpointPlayback':
      return voice.checkpoint(command, s, context);
    case 'DisconnectIdle':
      return voice.disconnectIdle(command, s);
    default:
      return assertNever(command);
  }
}

/** A guild's voice connection, queue and playback (`player-{guildId}` stream). */
export const playerDecider: Decider<PlayerState, PlayerCommand, PlayerEvent> = {
  initialState: initialPlayerState,
  decide,
  evolve: evolvePlayer,
  schemaVersions: {
    VoiceChannelJoined: 1,
    VoiceChannelLeft: 1,
    TracksQueued: 1,
    TrackStarted: 1,
    TrackEnded: 1,
    PlaybackPaused: 1,
    PlaybackResumed: 1,
    VolumeChanged: 1,
    TrackSeeked: 1,
    PlayerStopped: 1,
    TrackRemoved: 1,
    TrackMoved: 1,
    QueueShuffled: 1,
    QueueCleared: 1,
    LoopModeChanged: 1,
    FairShareChanged: 1,
    TrackRecalled: 1,
    VoiceConnectionLost: 1,
    VoiceReconnected: 1,
    VoiceChannelMoved: 1,
    PlaybackProgressed: 1,
    IdleDisconnected: 1,
  },
};
