import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '#config';
import {
  ApiKeyModule,
  BotModule,
  DeveloperModule,
  EventStoreModule,
  GuildModule,
  PlayerModule,
  ProjectionsModule,
  UsageModule,
  UserModule,
} from '#core';

/** The CLI door: the same buses and stores as the API, with no HTTP and no live projections. */
@Module({
  imports: [
    ConfigModule.forRoot({ runProjections: false }),
    CqrsModule.forRoot(),
    EventStoreModule,
    ProjectionsModule,
    GuildModule,
    UserModule,
    ApiKeyModule,
    BotModule,
    DeveloperModule,
    PlayerModule,
    // Usage facts are written to the event store; the CLI never opens the analytics store (chDB is the server's).
    UsageModule,
  ],
})
export class CliModule {}
