import { Module } from '@nestjs/common';
import { RecordMembershipHandler } from './record-membership/record-membership.handler';
import { RecordUsageHandler } from './record-usage/record-usage.handler';
import { ReportActivityHandler } from './report-activity/report-activity.handler';
import { VoidActivityReportHandler } from './void-activity-report/void-activity-report.handler';
import { UsageRecordingCommandBus } from './usage-recording-command-bus';

/** Usage facts behind the command bus, and the bus the doors run commands through to count them. */
@Module({
  providers: [
    UsageRecordingCommandBus,
    RecordUsageHandler,
    ReportActivityHandler,
    VoidActivityReportHandler,
    RecordMembershipHandler,
  ],
  exports: [UsageRecordingCommandBus],
})
export class UsageModule {}
