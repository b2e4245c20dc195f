import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  AnalyticsModule,
  ApiKeyModule,
  EventStoreModule,
  GuildModule,
  ProjectionsModule,
  UsageModule,
  UserModule,
} from '#core';
import { AnalyticsController } from './analytics/analytics.controller';
import { HexifyAnalyticsController } from './analytics/hexify-analytics.controller';
import { BotNexusAnalyticsController } from './botnexus/botnexus-analytics.controller';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthController } from './health/health.controller';
import { HexifyServersController } from './hexify/hexify-servers.controller';
import { HushController } from './hush/hush.controller';
import { KeysController } from './keys/keys.controller';
import { ServersController } from './servers/servers.controller';

/** The HTTP door: every dialect and the canonical API over one command and query bus. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          autoLogging: config.logRequests,
          // Keys must never reach the logs.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        },
        // The per-request logger middleware costs about a third of the throughput of a cheap GET:
        // install it only when request lines are wanted.
        ...(config.logRequests ? {} : { forRoutes: [] }),
      }),
    }),
    CqrsModule.forRoot(),
    TerminusModule,
    EventStoreModule,
    ProjectionsModule,
    GuildModule,
    UserModule,
    ApiKeyModule,
    UsageModule,
    AnalyticsModule,
  ],
  controllers: [
    HealthController,
    HexifyServersController,
    HushController,
    ServersController,
    KeysController,
    HexifyAnalyticsController,
    BotNexusAnalyticsController,
    AnalyticsController,
  ],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
})
export class ApiModule {
  /**
   * `guards: false` exists only so the benchmark can measure what keys and limits cost; no
   * configuration or environment variable reaches it.
   */
  static withConfig(overrides: Parameters<typeof ConfigModule.forRoot>[0] = {}, { guards = true } = {}) {
    return { module: ApiModule, imports: [ConfigModule.forRoot(overrides), ...(guards ? [AuthModule] : [])] };
  }
}
