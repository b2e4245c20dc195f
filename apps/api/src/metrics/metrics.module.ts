import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** Global so the guards (rate-limit refusals) and the HTTP server's hook reach the one registry. */
@Global()
@Module({ providers: [Metrics], controllers: [MetricsController], exports: [Metrics] })
export class MetricsModule {}
