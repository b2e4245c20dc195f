import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  AnalyticsModule,
  ApiKeyModule,
  BotModule,
  DeveloperModule,
  EventStoreModule,
  GuildModule,
  musicTrackResolverProvider,
  PlayerModule,
  ProjectionsModule,
  UsageModule,
  UserModule,
} from '#core';
import { MusicModule } from '#music';
import { PlayerWorkerModule } from '#bot/voice/player-worker.module';
import { AnalyticsController } from './analytics/analytics.controller';
import { HexifyAnalyticsController } from './analytics/hexify-analytics.controller';
import { BotNexusAnalyticsController } from './botnexus/botnexus-analytics.controller';
import { AuthModule } from './auth/auth.module';
import { ArtworkController } from './music/artwork.controller';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { BotNexusController } from './bots/botnexus.controller';
import { BotsOnDiscordController } from './bots/bots-on-discord.controller';
import { BotsController } from './bots/bots.controller';
import { DevelopersController } from './bots/developers.controller';
import { HealthController } from './health/health.controller';
import { ElixirMusicController } from './elixir/elixir-music.controller';
import { HexifyMusicController } from './hexify/hexify-music.controller';
import { HexifyServersController } from './hexify/hexify-servers.controller';
import { HushController } from './hush/hush.controller';
import { KeysController } from './keys/keys.controller';
import { MusicPlayerController } from './music/music-player.controller';
import { MusicQueueController } from './music/music-queue.controller';
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
    MusicModule,
    PlayerModule.withResolver(musicTrackResolverProvider),
    // Plays only when PLAYER_WORKER=on, or DISCORD_TOKEN is set: see docs/MUSIC-PLAYBACK.md.
    PlayerWorkerModule.forRoot(),
    UsageModule,
    AnalyticsModule,
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
    HexifyMusicController,
    MusicQueueController,
    MusicPlayerController,
    ElixirMusicController,
    ArtworkController,
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
