import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { openAnalyticsClient, type AnalyticsClient } from '#analytics';
import { EventStore } from '#eventstore';
import { GuildhallMetrics } from '#metrics';
import { AnalyticsReadModel, ClickHouseProjector } from '#projections';
import {
  GetAnalyticsSeriesHandler,
  GetAnalyticsSummaryHandler,
  GetTopCommandsHandler,
  GetTopTracksHandler,
} from './analytics.handlers';

/** Injection token of the process's analytics client. */
export const ANALYTICS_CLIENT = Symbol('ANALYTICS_CLIENT');

/**
 * The analytics store and the projector feeding it. Only the server imports this module: chDB binds
 * its data directory to one process, so the CLI never opens it (its usage events reach ClickHouse
 * through the event store and the server's projector).
 */
@Injectable()
export class Analytics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly projector: ClickHouseProjector;

  constructor(
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
    @Inject(ANALYTICS_CLIENT) private readonly client: AnalyticsClient,
    store: EventStore,
    private readonly metrics: GuildhallMetrics,
  ) {
    const logger = new Logger('Analytics');
    this.projector = new ClickHouseProjector({
      store,
      analytics: client,
      usageRetentionDays: config.usageRetentionDays,
      observer: metrics,
      logger: {
        log: (m) => logger.log(m),
        error: (m, e) => logger.warn(`${m}: ${(e as Error)?.message ?? e}`),
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.runProjections) return;
    this.metrics.watchAnalyticsQueue(() => this.projector.queuedRows());
    this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.client.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: ANALYTICS_CLIENT,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) =>
        openAnalyticsClient({
          url: config.clickhouseUrl,
          dataDir: config.dataDir,
          timeoutMs: config.analyticsTimeoutMs,
        }),
    },
    Analytics,
    {
      provide: AnalyticsReadModel,
      inject: [ANALYTICS_CLIENT],
      useFactory: (c: AnalyticsClient) => new AnalyticsReadModel(c),
    },
    GetAnalyticsSummaryHandler,
    GetAnalyticsSeriesHandler,
    GetTopCommandsHandler,
    GetTopTracksHandler,
  ],
  exports: [Analytics, AnalyticsReadModel],
})
export class AnalyticsModule {}
