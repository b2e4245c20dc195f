import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TrackResolver } from '#domain';
import { musicTrackResolverProvider } from '../infrastructure/track-resolver.provider';
import { ClearQueueHandler } from './clear-queue/clear-queue.handler';
import { EndTrackHandler } from './end-track/end-track.handler';
import { EnqueueTracksHandler } from './enqueue-tracks/enqueue-tracks.handler';
import { GetNowPlayingHandler } from './get-now-playing/get-now-playing.handler';
import { GetPlayerHandler } from './get-player/get-player.handler';
import { JoinVoiceChannelHandler } from './join-voice-channel/join-voice-channel.handler';
import { LeaveVoiceChannelHandler } from './leave-voice-channel/leave-voice-channel.handler';
import { MoveTrackHandler } from './move-track/move-track.handler';
import { PausePlaybackHandler } from './pause-playback/pause-playback.handler';
import { PlaybackMonitorModule } from './playback/playback-monitor';
import { RecordWorkerReportHandler } from './record-worker-report/record-worker-report.handler';
import { PlayPreviousHandler } from './play-previous/play-previous.handler';
import { RemoveTrackHandler } from './remove-track/remove-track.handler';
import { ResumePlaybackHandler } from './resume-playback/resume-playback.handler';
import { SeekTrackHandler } from './seek-track/seek-track.handler';
import { SetFairShareHandler } from './set-fair-share/set-fair-share.handler';
import { SetLoopModeHandler } from './set-loop-mode/set-loop-mode.handler';
import { SetVolumeHandler } from './set-volume/set-volume.handler';
import { ShuffleQueueHandler } from './shuffle-queue/shuffle-queue.handler';
import { SkipTrackHandler } from './skip-track/skip-track.handler';
import { StartTrackHandler } from './start-track/start-track.handler';
import { StopPlayerHandler } from './stop-player/stop-player.handler';

const HANDLERS = [
  ClearQueueHandler,
  EndTrackHandler,
  EnqueueTracksHandler,
  GetNowPlayingHandler,
  GetPlayerHandler,
  JoinVoiceChannelHandler,
  LeaveVoiceChannelHandler,
  MoveTrackHandler,
  PausePlaybackHandler,
  PlayPreviousHandler,
  RecordWorkerReportHandler,
  RemoveTrackHandler,
  ResumePlaybackHandler,
  SeekTrackHandler,
  SetFairShareHandler,
  SetLoopModeHandler,
  SetVolumeHandler,
  ShuffleQueueHandler,
  SkipTrackHandler,
  StartTrackHandler,
  StopPlayerHandler,
];

/**
 * Command and query handlers of the player context. Tracks are resolved by the real music sources
 * (MusicModule, global); `withResolver` names another resolver, for harnesses that build their own.
 */
@Module({
  imports: [PlaybackMonitorModule],
  providers: [...HANDLERS, musicTrackResolverProvider],
  exports: [TrackResolver],
})
export class PlayerModule {
  static withResolver(resolver: Provider<TrackResolver>): DynamicModule {
    return {
      module: PlayerModule,
      imports: [PlaybackMonitorModule],
      providers: [...HANDLERS, resolver],
      exports: [TrackResolver],
    };
  }
}
