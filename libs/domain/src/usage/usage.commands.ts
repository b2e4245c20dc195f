import type { ActivityReporter, ReportedGuild } from './activity-report.rules';
import type { UsageCategory, UsageDoor } from './usage.events';

/** `at` everywhere: when it happened, ISO 8601; absent means "now" (the decision time). */
export interface RecordCommandInvocation {
  readonly type: 'RecordCommandInvocation';
  readonly guildId: string;
  readonly name: string;
  readonly category: UsageCategory;
  readonly userId: string | null;
  readonly actor: string;
  readonly door: UsageDoor;
  readonly at?: string;
}

export interface RecordMemberActivity {
  readonly type: 'RecordMemberActivity';
  readonly guildId: string;
  readonly userId: string;
  readonly channelId: string;
  readonly at?: string;
}

/** A bot's own count of active users at `timestamp` (BotNexus); idempotent per guild and timestamp. */
export interface ReportActivity {
  readonly type: 'ReportActivity';
  readonly guildId: string;
  readonly activeUsers: number;
  readonly timestamp: string;
  /** The guild as the read models know it: the report is checked against it. */
  readonly guild: ReportedGuild;
  /** Who reports, from a door that must check it; absent for trusted doors. */
  readonly reporter?: ActivityReporter;
}

/** Voids one report (named by its event id) so analytics ignore it; the report itself stays in the store. */
export interface VoidActivityReport {
  readonly type: 'VoidActivityReport';
  readonly guildId: string;
  readonly reportEventId: string;
  /** The instant the voided report was for, ISO 8601. */
  readonly reportedAt: string;
  readonly reason?: string | null;
  readonly requestedBy?: ActivityReporter;
}

export type UsageCommand =
  RecordCommandInvocation | RecordMemberActivity | ReportActivity | VoidActivityReport;
