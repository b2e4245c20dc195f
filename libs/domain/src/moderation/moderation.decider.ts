import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { assertSnowflake } from '../guild/guild.rules';
import type { FilterMessage, ModerationCommand, TimeOutMember } from './moderation.commands';
import type { ModerationEvent } from './moderation.events';
import { MODERATION_LIMITS, assertReason, assertTerm, assertWholeNumber } from './moderation.rules';

/** What deciding needs to know of a guild's past moderation. */
export interface ModerationState {
  /** The last messages filtered, oldest first: a MESSAGE_CREATE delivered twice is filtered once. */
  readonly recentlyFiltered: readonly string[];
  /** Members whose timeout has not ended (as of the last timeout recorded), by user id. */
  readonly timedOutUntil: Readonly<Record<string, string>>;
}

/** Redeliveries come within seconds (a gateway RESUME), so a short memory is enough. */
export const RECENTLY_FILTERED_KEPT = 256;

// ── decide ──────────────────────────────────────────────────────────────────────────────────────────

function filterMessage(command: FilterMessage, state: ModerationState): ModerationEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  assertSnowflake(command.channelId, 'channelId');
  assertSnowflake(command.messageId, 'messageId');
  assertSnowflake(command.userId, 'userId');
  assertTerm(command.term);
  if (state.recentlyFiltered.includes(command.messageId)) return [];
  const { guildId, channelId, messageId, userId, term } = command;
  return [{ type: 'MessageFiltered', data: { guildId, channelId, messageId, userId, term } }];
}

function timeOutMember(
  command: TimeOutMember,
  state: ModerationState,
  context: DecisionContext,
): ModerationEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  assertSnowflake(command.channelId, 'channelId');
  assertSnowflake(command.userId, 'userId');
  assertReason(command.reason);
  assertWholeNumber(command.durationSeconds, 'durationSeconds', 1, MODERATION_LIMITS.maxTimeoutSeconds);
  assertWholeNumber(command.messages, 'messages', 1, MODERATION_LIMITS.maxSpamMessages);
  assertWholeNumber(command.windowSeconds, 'windowSeconds', 1, MODERATION_LIMITS.maxSpamWindowSeconds);
  const now = Date.parse(context.now);
  // A member already silenced is not timed out again: the burst that tripped the rule twice is one offence.
  const current = state.timedOutUntil[command.userId];
  if (current !== undefined && Date.parse(current) > now) return [];
  const { guildId, channelId, userId, reason, durationSeconds, messages, windowSeconds } = command;
  const until = new Date(now + durationSeconds * 1000).toISOString();
  return [
    {
      type: 'MemberTimedOut',
      data: { guildId, userId, channelId, reason, until, durationSeconds, messages, windowSeconds },
    },
  ];
}

function decide(
  command: ModerationCommand,
  state: ModerationState,
  context: DecisionContext,
): ModerationEvent[] {
  switch (command.type) {
    case 'FilterMessage':
      return filterMessage(command, state);
    case 'TimeOutMember':
      return timeOutMember(command, state, context);
    default:
      return assertNever(command);
  }
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────────────

/** Keeps the members still timed out when this timeout began, so the map never outgrows the live ones. */
function withTimeout(
  current: ModerationState['timedOutUntil'],
  userId: string,
  until: string,
  durationSeconds: number,
) {
  const began = Date.parse(until) - durationSeconds * 1000;
  const next: Record<string, string> = {};
  for (const [member, end] of Object.entries(current)) if (Date.parse(end) > began) next[member] = end;
  next[userId] = until;
  return next;
}

function evolve(state: ModerationState, event: ModerationEvent): ModerationState {
  switch (event.type) {
    case 'MessageFiltered':
      return {
        ...state,
        recentlyFiltered: [...state.recentlyFiltered, event.data.messageId].slice(-RECENTLY_FILTERED_KEPT),
      };
    case 'MemberTimedOut': {
      const { userId, until, durationSeconds } = event.data;
      return { ...state, timedOutUntil: withTimeout(state.timedOutUntil, userId, until, durationSeconds) };
    }
    default:
      return state;
  }
}

/** Auto-moderation of one guild (`moderation-{guildId}` stream): filtered messages and timeouts. */
export const moderationDecider: Decider<ModerationState, ModerationCommand, ModerationEvent> = {
  initialState: () => ({ recentlyFiltered: [], timedOutUntil: {} }),
  decide,
  evolve,
  schemaVersions: { MessageFiltered: 1, MemberTimedOut: 1 },
};
