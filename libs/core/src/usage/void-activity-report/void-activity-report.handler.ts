import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeVoidedInstant, usageDecider, usageStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { appendFacts } from '../../command-handling/append-facts';
import { reportEventId, uuidOf } from '../report-activity/report-activity.command';
import { VoidActivityReportCommand, type VoidActivityReportResult } from './void-activity-report.command';

@CommandHandler(VoidActivityReportCommand)
export class VoidActivityReportHandler implements ICommandHandler<VoidActivityReportCommand> {
  constructor(private readonly store: EventStore) {}

  async execute({
    guildId,
    timestamp,
    context,
    options,
  }: VoidActivityReportCommand): Promise<VoidActivityReportResult> {
    const reportedAt = normalizeVoidedInstant(timestamp);
    const reportId = reportEventId(guildId, reportedAt);
    const before = await this.store.headPosition();
    const { requestedBy, reason } = options;
    const result = await appendFacts(
      this.store,
      usageDecider,
      usageStreamId(guildId),
      [{ type: 'VoidActivityReport', guildId, reportEventId: reportId, reportedAt, reason, requestedBy }],
      context,
      // One void per report: voiding it again is recognised by the store and writes nothing.
      { ids: [uuidOf(`ActivityReportVoided:${reportId}`)] },
    );
    return {
      reportEventId: reportId,
      reportedAt,
      created: (result.position ?? -1) > before,
      position: result.position,
    };
  }
}
