import { Module } from '@nestjs/common';
import { CommandUsageRecorder } from './command-usage-recorder';
import { RecordMembershipHandler } from './record-membership/record-membership.handler';
import { RecordUsageHandler } from './record-usage/record-usage.handler';
import { ReportActivityHandler } from './report-activity/report-activity.handler';
import { VoidActivityReportHandler } from './void-activity-report/void-activity-report.handler';

/** Usage facts behind the command bus, and the recorder that counts every command run through it. */
@Module({
  providers: [
    CommandUsageRecorder,
    RecordUsageHandler,
    ReportActivityHandler,
    VoidActivityReportHandler,
    RecordMembershipHandler,
  ],
  exports: [CommandUsageRecorder],
})
export class UsageModule {}
