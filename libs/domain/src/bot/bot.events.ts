import type { DomainEvent } from '../shared/decider';
import type { BotCommandList } from './bot-command-list.rules';

/** What a bot's page shows publicly and its owner may change (BotNexus's `PATCH …/meta`). */
export interface BotMeta {
  /** Lowercase, distinct, in the order given. */
  readonly tags: readonly string[];
  readonly shortDescription: string;
  /** A Discord OAuth2 authorize URL for this bot, or null when none is set. */
  readonly inviteUrl: string | null;
}

/** Who the bot is: set when it is registered, changed only by registering it again. */
export interface BotDetails {
  readonly name: string;
  readonly ownerId: string;
  /** The prefix its page shows for commands that give none of their own; null for slash-only bots. */
  readonly prefix: string | null;
}

export type BotRegistered = DomainEvent<'BotRegistered', { readonly botId: string } & BotDetails & BotMeta>;
/** Registering an existing bot again with other details: only the fields that changed. */
export type BotDetailsChanged = DomainEvent<
  'BotDetailsChanged',
  { readonly botId: string; readonly changes: Partial<BotDetails> }
>;
/** Listed in the directory; only approved bots may report guild counts (Bots on Discord). */
export type BotApproved = DomainEvent<'BotApproved', { readonly botId: string }>;
/** Only the fields that changed. */
export type BotMetaUpdated = DomainEvent<
  'BotMetaUpdated',
  { readonly botId: string; readonly changes: Partial<BotMeta> }
>;
export type BotGuildCountReported = DomainEvent<
  'BotGuildCountReported',
  { readonly botId: string; readonly guildCount: number }
>;
/** The whole list, never a diff: that is how bots send it, and the audit trail reads best that way. */
export type BotCommandsSet = DomainEvent<'BotCommandsSet', { readonly botId: string } & BotCommandList>;
export type BotCommandsUnset = DomainEvent<'BotCommandsUnset', { readonly botId: string }>;
/** One review per user: a second review by the same user replaces the first. */
export type BotReviewRecorded = DomainEvent<
  'BotReviewRecorded',
  { readonly botId: string; readonly userId: string; readonly rating: number; readonly text: string | null }
>;
/**
 * One health probe of the bot: its gateway latency, whether it was online, and whether it answered a
 * command. The read model folds samples into average latency, uptime and command uptime.
 */
export type BotStatusSampled = DomainEvent<
  'BotStatusSampled',
  {
    readonly botId: string;
    /** ISO 8601; samples arrive in time order, an older or repeated one is ignored. */
    readonly sampledAt: string;
    /** Null when the bot was offline (nothing to measure). */
    readonly latencyMs: number | null;
    readonly online: boolean;
    readonly commandsOk: boolean;
  }
>;

export type BotEvent =
  | BotRegistered
  | BotDetailsChanged
  | BotApproved
  | BotMetaUpdated
  | BotGuildCountReported
  | BotCommandsSet
  | BotCommandsUnset
  | BotReviewRecorded
  | BotStatusSampled;

export const BOT_EVENT_TYPES = [
  'BotRegistered',
  'BotDetailsChanged',
  'BotApproved',
  'BotMetaUpdated',
  'BotGuildCountReported',
  'BotCommandsSet',
  'BotCommandsUnset',
  'BotReviewRecorded',
  'BotStatusSampled',
] as const satisfies readonly BotEvent['type'][];

export const botStreamId = (botId: string): string => `bot-${botId}`;
