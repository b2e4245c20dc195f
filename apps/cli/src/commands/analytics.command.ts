import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { VoidActivityReportCommand, systemContext, UsageRecordingCommandBus } from '#core';

type WithApp = (work: (app: INestApplicationContext) => Promise<void>) => Promise<void>;

/** Registers `analytics void-report` on the CLI: the operator's correction of a false activity report. */
export function registerAnalyticsCommands(program: Command, withApp: WithApp): void {
  const analytics = program.command('analytics').description('correct analytics facts');
  analytics
    .command('void-report')
    .argument('<serverId>', 'the guild the report was for')
    .argument('<timestamp>', 'the instant of the report, ISO 8601 (as BotNexus submit answered it)')
    .option('--reason <reason>', 'why, for the audit trail (up to 200 characters)')
    .description("void a bot's activity report: analytics ignore it from then on")
    .action((serverId: string, timestamp: string, options: { reason?: string }) =>
      withApp(async (app) => {
        const result = await app.get(UsageRecordingCommandBus).execute(
          new VoidActivityReportCommand(serverId, timestamp, systemContext('cli', 'operator'), {
            reason: options.reason,
          }),
        );
        console.log(
          result.created
            ? `voided the report of ${result.reportedAt} for server ${serverId} (${result.reportEventId})`
            : `the report of ${result.reportedAt} for server ${serverId} was already voided`,
        );
      }),
    );
}
