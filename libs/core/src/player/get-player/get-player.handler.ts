import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { PlayerReadModel } from '#projections';
import { ReadModelFreshness } from '../../command-handling/read-model-freshness';
import { PlaybackMonitor } from '../playback/playback-monitor';
import { GetPlayerQuery, type PlayerReading } from './get-player.query';

@QueryHandler(GetPlayerQuery)
export class GetPlayerHandler implements IQueryHandler<GetPlayerQuery> {
  constructor(
    private readonly players: PlayerReadModel,
    private readonly freshness: ReadModelFreshness,
    private readonly playback: PlaybackMonitor,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  async execute({ guildId, minPosition }: GetPlayerQuery): Promise<PlayerReading | null> {
    await this.freshness.require('player', minPosition, this.config.readYourWritesTimeoutMs);
    const player = this.players.get(guildId);
    return player && { ...player, playback: this.playback.read(guildId, player) };
  }
}
