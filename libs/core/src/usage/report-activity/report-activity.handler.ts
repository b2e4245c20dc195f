import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeReportTime, usageDecider, usageStreamId } from '#domain';
import { EventStore } from '#eventstore';
import { appendFacts } from '../../command-handling/append-facts';
import { ReportActivityCommand, reportEventId, type ReportActivityResult } from './report-activity.command';

@CommandHandler(ReportActivityCommand)
export class ReportActivityHandler implements ICommandHandler<ReportActivityCommand> {
  constructor(private readonly store: EventStore) {}

  async execute({
    guildId,
    activeUsers,
    timestamp,
    context,
  }: ReportActivityCommand): Promise<ReportActivityResult> {
    const at = normalizeReportTime(timestamp, new Date().toISOString());
    const id = reportEventId(guildId, at);
    const streamId = usageStreamId(guildId);
    const before = await this.store.headPosition();
    const result = await appendFacts(
      this.store,
      usageDecider,
      streamId,
      [{ type: 'ReportActivity', guildId, activeUsers, timestamp: at }],
      context,
      { ids: [id] },
    );
    // A resubmission is answered with the original append's position, which predates this call.
    return { at, created: (result.position ?? -1) > before };
  }
}
