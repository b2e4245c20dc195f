import type { DomainEvent } from '../shared/decider';

/** Why a member was timed out. Part of the public API (the moderation log shows it). */
export const TIMEOUT_REASONS = ['spam'] as const;
export type TimeoutReason = (typeof TIMEOUT_REASONS)[number];

/**
 * The word filter removed a message. Holds the term of the guild's list that matched, never the
 * message's text: the log proves the rule was applied without keeping what the member wrote.
 */
export type MessageFiltered = DomainEvent<
  'MessageFiltered',
  {
    readonly guildId: string;
    readonly channelId: string;
    readonly messageId: string;
    readonly userId: string;
    readonly term: string;
  }
>;

/** Auto-moderation timed a member out (Discord's communication timeout) until `until`. */
export type MemberTimedOut = DomainEvent<
  'MemberTimedOut',
  {
    readonly guildId: string;
    readonly userId: string;
    /** Where the member was when the rule tripped. */
    readonly channelId: string;
    readonly reason: TimeoutReason;
    /** ISO 8601 end of the timeout. */
    readonly until: string;
    readonly durationSeconds: number;
    /** The spam rule that tripped: `messages` within `windowSeconds`. */
    readonly messages: number;
    readonly windowSeconds: number;
  }
>;

export type ModerationEvent = MessageFiltered | MemberTimedOut;

export const MODERATION_EVENT_TYPES = [
  'MessageFiltered',
  'MemberTimedOut',
] as const satisfies readonly ModerationEvent['type'][];

/** Every auto-moderation action on one guild, in the order taken. */
export const moderationStreamId = (guildId: string): string => `moderation-${guildId}`;
