import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MusicModule } from '#music';
import { AnalyticsModule } from './analytics/analytics.module';
import { AsOfModule } from './as-of/as-of.module';
import { ApiKeyModule } from './apikey/apikey.module';
import { BotModule } from './bot/bot.module';
import { DeveloperModule } from './developer/developer.module';
import { GuildModule } from './guild/guild.module';
import { ModerationModule } from './moderation/moderation.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { MetricsModule } from './infrastructure/metrics.module';
import { ProjectionsModule } from './infrastructure/projections.module';
import { PlayerModule } from './player/player.module';
import { UsageModule } from './usage/usage.module';
import { UserModule } from './user/user.module';
import { VoiceStatesModule } from './voice/voice-states.module';
import { WebhookModule } from './webhook/webhook.module';

export interface CoreOptions {
  /**
   * A serving process (the HTTP or the Discord door) owns the analytics store and warms the music
   * library at start. The CLI is not one: chDB binds its directory to one process, so the CLI's usage
   * events reach ClickHouse through the event store and the server's projector.
   */
  readonly serving: boolean;
}

/**
 * What every door shares: the stores, the command and query buses with every use case, the
 * projections, and the music sources behind the one track resolver. Needs ConfigModule.
 */
@Module({})
export class CoreModule {
  static forRoot({ serving }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        MetricsModule,
        EventStoreModule,
        ProjectionsModule,
        MusicModule.forRoot({ scanLibraryAtStart: serving }),
        GuildModule,
        UserModule,
        ApiKeyModule,
        BotModule,
        DeveloperModule,
        PlayerModule,
        UsageModule,
        ModerationModule,
        VoiceStatesModule,
        WebhookModule,
        ...(serving ? [AnalyticsModule, AsOfModule] : []),
      ],
      exports: [ApiKeyModule, UsageModule, VoiceStatesModule, GuildModule, WebhookModule],
    };
  }
}
