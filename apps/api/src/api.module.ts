import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  ApiKeyModule,
  BotModule,
  DeveloperModule,
  EventStoreModule,
  GuildModule,
  ProjectionsModule,
  UserModule,
} from '#core';
import { ApiKeyGuard } from './auth/api-key.guard';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { RateLimitModule } from './auth/rate-limit.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { BotNexusController } from './bots/botnexus.controller';
import { BotsOnDiscordController } from './bots/bots-on-discord.controller';
import { BotsController } from './bots/bots.controller';
import { DevelopersController } from './bots/developers.controller';
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
    BotModule,
    DeveloperModule,
    RateLimitModule,
  ],
  controllers: [
    HealthController,
    HexifyServersController,
    HushController,
    ServersController,
    KeysController,
    BotNexusController,
    BotsOnDiscordController,
    BotsController,
    DevelopersController,
  ],
  providers: [
    // Order matters: the key guard identifies the caller, then the limiter counts the request.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class ApiModule {
  static withConfig(overrides: Parameters<typeof ConfigModule.forRoot>[0] = {}) {
    return { module: ApiModule, imports: [ConfigModule.forRoot(overrides)] };
  }
}
