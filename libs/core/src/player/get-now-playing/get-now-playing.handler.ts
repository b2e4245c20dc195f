import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { positionAt } from '#domain';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { PlayerReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { GetNowPlayingQuery, type NowPlayingView } from './get-now-playing.query';

@QueryHandler(GetNowPlayingQuery)
export class GetNowPlayingHandler implements IQueryHandler<GetNowPlayingQuery> {
  constructor(
    private readonly players: PlayerReadModel,
    private readonly freshness: ReadModelFreshness,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, minPosition }: GetNowPlayingQuery): Promise<NowPlayingView | null> {
    await this.freshness.require('player', minPosition, this.config.readYourWritesTimeoutMs);
    const player = this.players.get(guildId);
    const current = player?.current;
    if (!player || !current) return null;
    return {
      guildId,
      track: current.track,
      positionMs: positionAt(current, Date.now()),
      paused: current.paused,
      volume: player.volume,
      voiceChannelId: player.voiceChannelId,
    };
  }
}
