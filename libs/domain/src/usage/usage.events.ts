import type { DomainEvent } from '../shared/decider';

/** The four families a command counts in (Hexify's `commands_used.breakdown`). Part of the public API. */
export const USAGE_CATEGORIES = ['music', 'moderation', 'fun', 'utility'] as const;
export type UsageCategory = (typeof USAGE_CATEGORIES)[number];

/** The doors a command comes through, as recorded; mirrors the event metadata's door. */
export type UsageDoor = 'rest' | 'discord' | 'cli' | 'system';

/** Someone ran a command: whatever the door, recorded once by the command bus. */
export type CommandInvoked = DomainEvent<
  'CommandInvoked',
  {
    readonly guildId: string;
    /** Kebab-case command name, e.g. `play`, `settings`. */
    readonly name: string;
    readonly category: UsageCategory;
    /** The Discord user behind the command, when known (a key's owner, the member who typed it). */
    readonly userId: string | null;
    /** Who the event store records as the actor, `kind:id` (`apikey:…`, `discord-user:…`). */
    readonly actor: string;
    readonly door: UsageDoor;
    readonly at: string;
  }
>;

/** A member was active in a channel (spoke, reacted, joined voice). Never any content. */
export type MemberActive = DomainEvent<
  'MemberActive',
  { readonly guildId: string; readonly userId: string; readonly channelId: string; readonly at: string }
>;

/** A bot reported how many users were active at a time (BotNexus `POST /v1/analytics/submit`). */
export type ActivityReported = DomainEvent<
  'ActivityReported',
  { readonly guildId: string; readonly activeUsers: number; readonly at: string }
>;

/** An operator voided a report (a false or hostile figure): analytics ignore it from now on. */
export type ActivityReportVoided = DomainEvent<
  'ActivityReportVoided',
  {
    readonly guildId: string;
    /** The event id of the `ActivityReported` it voids. */
    readonly reportEventId: string;
    readonly reportedAt: string;
    readonly reason: string | null;
  }
>;

export type UsageEvent = CommandInvoked | MemberActive | ActivityReported | ActivityReportVoided;

export const USAGE_EVENT_TYPES = [
  'CommandInvoked',
  'MemberActive',
  'ActivityReported',
  'ActivityReportVoided',
] as const satisfies readonly UsageEvent['type'][];

export const usageStreamId = (guildId: string): string => `usage-${guildId}`;
