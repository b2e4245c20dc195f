import { ReadModelBehindFilter } from './common/min-position';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsReportsController } from './analytics/analytics-reports.controller';
import { HexifyAnalyticsController } from './analytics/hexify-analytics.controller';
import { BotNexusAnalyticsController } from './botnexus/botnexus-analytics.controller';
import { AuthModule } from './auth/auth.module';
import { ArtworkController } from './music/artwork.controller';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { WireNames } from './common/wire-names';
import { NotModifiedFilter } from './common/conditional-get';
import { BotNexusController } from './bots/botnexus.controller';
import { BotsOnDiscordController } from './bots/bots-on-discord.controller';
import { BotsController } from './bots/bots.controller';
import { DevelopersController } from './bots/developers.controller';
import { HealthController } from './health/health.controller';
import { ProbesController } from './health/probes.controller';
import { HttpInputModule } from './http-input/http-input.module';
import { MetricsModule } from './metrics/metrics.module';
import { ElixirMusicController } from './elixir/elixir-music.controller';
import { HexifyMusicController } from './hexify/hexify-music.controller';
import { HexifyServersController } from './hexify/hexify-servers.controller';
import { HushController } from './hush/hush.controller';
import { PersonalDataController } from './users/personal-data.controller';
import { KeysController } from './keys/keys.controller';
import { MusicPlayerController } from './music/music-player.controller';
import { MusicQueueController } from './music/music-queue.controller';
import { ServersController } from './servers/servers.controller';
import { EventsStreamController } from './servers/events-stream/events-stream.controller';
import { SseStreams } from './servers/events-stream/sse-streams';
import { ModerationLogController } from './moderation/moderation-log.controller';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { WebhooksController } from './webhooks/webhooks.controller';

/**
 * The HTTP door: every dialect and the canonical API, their guards and error filter, over the
 * buses of the core (CoreModule) that the composition root provides.
 */
@Module({
  imports: [TerminusModule, HttpInputModule, MetricsModule],
  controllers: [
    HealthController,
    ProbesController,
    HexifyServersController,
    HushController,
    PersonalDataController,
    ServersController,
    EventsStreamController,
    ModerationLogController,
    WebhooksController,
    WebhookDeliveriesController,
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
    AnalyticsReportsController,
  ],
  providers: [
    WireNames,
    SseStreams,
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    { provide: APP_FILTER, useClass: ReadModelBehindFilter },
    { provide: APP_FILTER, useClass: NotModifiedFilter },
  ],
})
export class HttpDoorModule {
  /**
   * `guards: false` exists only so the benchmark can measure what keys and limits cost; no
   * configuration or environment variable reaches it.
   */
  static forRoot({ guards = true } = {}): DynamicModule {
    return { module: HttpDoorModule, imports: guards ? [AuthModule] : [] };
  }
}
