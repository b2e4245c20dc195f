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
}

export type UsageCommand = RecordCommandInvocation | RecordMemberActivity | ReportActivity;
