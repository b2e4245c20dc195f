import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, normalizeReportTime, usageDecider, usageStreamId, type ReportedGuild } from '#domain';
import { EventStore } from '#eventstore';
import { GuildBotsReadModel, GuildsReadModel } from '#projections';
import { appendFacts } from '../../command-handling/append-facts';
import { ReportActivityCommand, reportEventId, type ReportActivityResult } from './report-activity.command';

const BOT_SCOPE = /^bot:(\d+)$/;

@CommandHandler(ReportActivityCommand)
export class ReportActivityHandler implements ICommandHandler<ReportActivityCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly guilds: GuildsReadModel,
    private readonly guildBots: GuildBotsReadModel,
  ) {}

  async execute({
    guildId,
    activeUsers,
    timestamp,
    context,
    reporter,
  }: ReportActivityCommand): Promise<ReportActivityResult> {
    const guild = this.reportedGuild(guildId, reporter?.scopes ?? []);
    const at = normalizeReportTime(timestamp, new Date().toISOString());
    const id = reportEventId(guildId, at);
    const streamId = usageStreamId(guildId);
    const before = await this.store.headPosition();
    const reporterFacts = reporter && {
      ownerId: reporter.ownerId,
      scopes: reporter.scopes,
      guildId: reporter.guildId ?? null,
    };
    const result = await appendFacts(
      this.store,
      usageDecider,
      streamId,
      [{ type: 'ReportActivity', guildId, activeUsers, timestamp: at, guild, reporter: reporterFacts }],
      context,
      { ids: [id] },
    );
    // A resubmission is answered with the original append's position, which predates this call.
    return { at, created: (result.position ?? -1) > before };
  }

  /** The facts the domain checks a report against, from the guilds and guild-bots read models. */
  private reportedGuild(guildId: string, scopes: readonly string[]): ReportedGuild {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new DomainError('not_found', 'guild_not_found', `server ${guildId} not found`);
    const botIds = scopes.flatMap((scope) => BOT_SCOPE.exec(scope)?.[1] ?? []);
    return {
      ownerId: guild.ownerId,
      memberCount: guild.memberCount,
      installedReporterBots: this.guildBots.installedOf(guildId, botIds),
    };
  }
}
