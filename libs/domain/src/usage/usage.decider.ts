import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { normalizeInstant } from '../shared/time';
import { assertSnowflake } from '../guild/guild.rules';
import type { UsageCommand } from './usage.commands';
import type { UsageEvent } from './usage.events';
import {
  assertMayReportActivity,
  assertMayVoidReport,
  assertPlausibleActiveUsers,
} from './activity-report.rules';
import {
  assertActiveUsers,
  assertCategory,
  assertCommandName,
  normalizeReportTime,
  normalizeVoidReason,
  normalizeVoidedInstant,
} from './usage.rules';

const DOORS: ReadonlySet<string> = new Set(['rest', 'discord', 'cli', 'system']);

function decide(command: UsageCommand, _state: null, context: DecisionContext): UsageEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  switch (command.type) {
    case 'RecordCommandInvocation': {
      assertCommandName(command.name);
      assertCategory(command.category);
      if (command.userId !== null) assertSnowflake(command.userId, 'userId');
      const door = DOORS.has(command.door) ? command.door : 'system';
      const { guildId, name, category, userId, actor } = command;
      const at = normalizeInstant(command.at, context.now);
      return [{ type: 'CommandInvoked', data: { guildId, name, category, userId, actor, door, at } }];
    }
    case 'RecordMemberActivity': {
      assertSnowflake(command.userId, 'userId');
      assertSnowflake(command.channelId, 'channelId');
      const { guildId, userId, channelId } = command;
      const at = normalizeInstant(command.at, context.now);
      return [{ type: 'MemberActive', data: { guildId, userId, channelId, at } }];
    }
    case 'ReportActivity': {
      if (command.reporter) assertMayReportActivity(command.reporter, command.guildId, command.guild);
      assertActiveUsers(command.activeUsers);
      assertPlausibleActiveUsers(command.activeUsers, command.guild);
      const at = normalizeReportTime(command.timestamp, context.now);
      return [
        {
          type: 'ActivityReported',
          data: { guildId: command.guildId, activeUsers: command.activeUsers, at },
        },
      ];
    }
    case 'VoidActivityReport': {
      assertMayVoidReport(command.requestedBy);
      const { guildId, reportEventId } = command;
      const reportedAt = normalizeVoidedInstant(command.reportedAt);
      const reason = normalizeVoidReason(command.reason);
      return [{ type: 'ActivityReportVoided', data: { guildId, reportEventId, reportedAt, reason } }];
    }
    default:
      return assertNever(command);
  }
}

/**
 * Usage facts (`usage-{guildId}`). Stateless on purpose: no fact depends on an earlier one, so the
 * handler never reads the stream (which grows with every command) and appends with no expected
 * revision — no conflicts on the busiest streams. Idempotency comes from event ids instead.
 */
export const usageDecider: Decider<null, UsageCommand, UsageEvent> = {
  initialState: () => null,
  decide,
  evolve: (state) => state,
  schemaVersions: { CommandInvoked: 1, MemberActive: 1, ActivityReported: 1, ActivityReportVoided: 1 },
};
