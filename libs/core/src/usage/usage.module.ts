import { Module } from '@nestjs/common';
import { CommandUsageRecorder } from './command-usage-recorder';
import { RecordMembershipHandler } from './record-membership/record-membership.handler';
import { RecordUsageHandler } from './record-usage/record-usage.handler';
import { ReportActivityHandler } from './report-activity/report-activity.handler';

/** Usage facts behind the command bus, and the recorder that counts every command run through it. */
@Module({
  providers: [CommandUsageRecorder, RecordUsageHandler, ReportActivityHandler, RecordMembershipHandler],
  exports: [CommandUsageRecorder],
})
export class UsageModule {}
