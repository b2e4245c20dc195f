import { Module } from '@nestjs/common';
import { ApproveBotHandler } from './approve-bot/approve-bot.handler';
import { CheckBotReviewHandler } from './check-bot-review/check-bot-review.handler';
import { GetBotCommandsHandler } from './get-bot-commands/get-bot-commands.handler';
import { GetBotHandler } from './get-bot/get-bot.handler';
import { ListBotReviewsHandler } from './list-bot-reviews/list-bot-reviews.handler';
import { RecordBotReviewHandler } from './record-bot-review/record-bot-review.handler';
import { RegisterBotHandler } from './register-bot/register-bot.handler';
import { ReportGuildCountHandler } from './report-guild-count/report-guild-count.handler';
import { SampleBotStatusHandler } from './sample-bot-status/sample-bot-status.handler';
import { SetBotCommandsHandler } from './set-bot-commands/set-bot-commands.handler';
import { UpdateBotMetaHandler } from './update-bot-meta/update-bot-meta.handler';

/** Command and query handlers of the bot directory; the doors reach them through the buses. */
@Module({
  providers: [
    RegisterBotHandler,
    ApproveBotHandler,
    UpdateBotMetaHandler,
    ReportGuildCountHandler,
    SetBotCommandsHandler,
    RecordBotReviewHandler,
    SampleBotStatusHandler,
    GetBotHandler,
    GetBotCommandsHandler,
    CheckBotReviewHandler,
    ListBotReviewsHandler,
  ],
})
export class BotModule {}
