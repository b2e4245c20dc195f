import { Module } from '@nestjs/common';
import { RegisterGuildHandler } from './register-guild/register-guild.handler';
import { UpdateGuildHandler } from './update-guild/update-guild.handler';
import { ChangeSettingsHandler } from './change-settings/change-settings.handler';
import { GetGuildHandler } from './get-guild/get-guild.handler';
import { GetGuildHistoryHandler } from './get-guild-history/get-guild-history.handler';
import { ReconcileGuildHandler } from './reconcile-guild/reconcile-guild.handler';
import { RecordBotRemovalHandler } from './record-bot-removal/record-bot-removal.handler';
import { SampleOnlineCountHandler } from './sample-online-count/sample-online-count.handler';
import { GuildEventHub } from './live-events/guild-event-hub';

/** Command and query handlers of the guild context; the doors reach them through the buses. */
@Module({
  providers: [
    RegisterGuildHandler,
    UpdateGuildHandler,
    ChangeSettingsHandler,
    GetGuildHandler,
    GetGuildHistoryHandler,
    ReconcileGuildHandler,
    RecordBotRemovalHandler,
    SampleOnlineCountHandler,
    GuildEventHub,
  ],
  exports: [GuildEventHub],
})
export class GuildModule {}
