import { Global, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { GuildhallMetrics } from '#metrics';
import { PlayerReadModel } from '#projections';

/**
 * Readings the core gives the registry at scrape time: players by state, from the read model, where
 * projections run here (elsewhere the table is not kept current, so no reading is given).
 */
@Injectable()
export class CoreGauges implements OnModuleInit {
  constructor(
    private readonly metrics: GuildhallMetrics,
    private readonly players: PlayerReadModel,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.runProjections) this.metrics.watchPlayers(() => this.players.countByState());
  }
}

/**
 * The process's one metrics registry, global: the event store, the analytics projector and the voice
 * worker report into it, and the HTTP door serves it at /metrics.
 */
@Global()
@Module({
  providers: [{ provide: GuildhallMetrics, useFactory: () => new GuildhallMetrics() }, CoreGauges],
  exports: [GuildhallMetrics],
})
export class MetricsModule {}
