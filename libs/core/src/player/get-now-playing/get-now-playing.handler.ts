import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { PlayerReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { PlaybackMonitor } from '../playback/playback-monitor';
import { GetNowPlayingQuery, type NowPlayingView } from './get-now-playing.query';

@QueryHandler(GetNowPlayingQuery)
export class GetNowPlayingHandler implements IQueryHandler<GetNowPlayingQuery> {
  constructor(
    private readonly players: PlayerReadModel,
    private readonly freshness: ReadModelFreshness,
    private readonly playback: PlaybackMonitor,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, minPosition }: GetNowPlayingQuery): Promise<NowPlayingView | null> {
    await this.freshness.require('player', minPosition, this.config.readYourWritesTimeoutMs);
    const player = this.players.get(guildId);
    const current = player?.current;
    if (!player || !current) return null;
    const playback = this.playback.read(guildId, player);
    return {
      guildId,
      track: current.track,
      positionMs: playback.positionMs ?? current.offsetMs,
      paused: current.paused,
      volume: player.volume,
      voiceChannelId: player.voiceChannelId,
      playback,
    };
  }
}
