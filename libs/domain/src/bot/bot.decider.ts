import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertSnowflake } from '../guild/guild.rules';
import { parseBotCommandList } from './bot-command-list.rules';
import type { BotCommand, RecordBotReview, RegisterBot, SampleBotStatus } from './bot.commands';
import type { BotDetails, BotEvent, BotMeta } from './bot.events';
import {
  assertGuildCount,
  assertLatency,
  assertRating,
  assertSampledAt,
  normalizeBotName,
  normalizeBotPrefix,
  normalizeMetaChanges,
  normalizeReviewText,
  sameList,
} from './bot.rules';

/**
 * A bot folded from its stream. Reviews and commands are kept as fingerprints: deciding only needs to
 * know whether a new one differs, and the read model holds the rest.
 */
export type BotState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly botId: string;
      readonly details: BotDetails;
      readonly meta: BotMeta;
      readonly approved: boolean;
      readonly guildCount: number | null;
      readonly commands: string | null;
      readonly reviews: ReadonlyMap<string, string>;
      readonly lastSampledAt: string | null;
    };

type RegisteredBot = Extract<BotState, { status: 'registered' }>;

/** How far ahead of the decision a sample may be dated: a clock a little fast is fine, a year is a bug. */
const SAMPLE_CLOCK_SKEW_MS = 60_000;

// ── decide ──────────────────────────────────────────────────────────────────────────────────────────

function requireRegistered(state: BotState, botId: string): RegisteredBot {
  if (state.status === 'unregistered') {
    throw new DomainError('not_found', 'bot_not_found', `bot ${botId} not found`);
  }
  return state;
}

/** Bots on Discord answers 404 for an unapproved bot: to everyone but its owner it does not exist yet. */
function requireApproved(state: BotState, botId: string): RegisteredBot {
  const bot = requireRegistered(state, botId);
  if (!bot.approved) throw new DomainError('not_found', 'bot_not_approved', `bot ${botId} is not approved`);
  return bot;
}

function metaDiff(current: BotMeta, next: Partial<BotMeta>): Partial<BotMeta> {
  const changes: { -readonly [K in keyof BotMeta]?: BotMeta[K] } = {};
  if (next.tags !== undefined && !sameList(next.tags, current.tags)) changes.tags = next.tags;
  if (next.shortDescription !== undefined && next.shortDescription !== current.shortDescription) {
    changes.shortDescription = next.shortDescription;
  }
  if (next.inviteUrl !== undefined && next.inviteUrl !== current.inviteUrl)
    changes.inviteUrl = next.inviteUrl;
  return changes;
}

function register(command: RegisterBot, state: BotState): BotEvent[] {
  const { botId } = command;
  assertSnowflake(botId, 'botId');
  const name = normalizeBotName(command.name);
  assertSnowflake(command.ownerId, 'ownerId');
  const prefix = command.prefix === undefined ? undefined : normalizeBotPrefix(command.prefix);
  const meta = normalizeMetaChanges(command.meta ?? {}, botId);
  if (state.status === 'unregistered') {
    const data = { botId, name, ownerId: command.ownerId, prefix: prefix ?? null };
    const full = { tags: [], shortDescription: '', inviteUrl: null, ...meta };
    return [{ type: 'BotRegistered', data: { ...data, ...full } }];
  }
  const changes: { -readonly [K in keyof BotDetails]?: BotDetails[K] } = {};
  if (name !== state.details.name) changes.name = name;
  if (command.ownerId !== state.details.ownerId) changes.ownerId = command.ownerId;
  if (prefix !== undefined && prefix !== state.details.prefix) changes.prefix = prefix;
  const metaChanges = metaDiff(state.meta, meta);
  const events: BotEvent[] = [];
  if (Object.keys(changes).length > 0) events.push({ type: 'BotDetailsChanged', data: { botId, changes } });
  if (Object.keys(metaChanges).length > 0) {
    events.push({ type: 'BotMetaUpdated', data: { botId, changes: metaChanges } });
  }
  return events;
}

const reviewFingerprint = (rating: number, text: string | null) => JSON.stringify([rating, text]);

function review(command: RecordBotReview, state: BotState): BotEvent[] {
  assertSnowflake(command.userId, 'userId');
  assertRating(command.rating);
  const text = normalizeReviewText(command.text);
  const bot = requireApproved(state, command.botId);
  if (bot.reviews.get(command.userId) === reviewFingerprint(command.rating, text)) return [];
  const { botId, userId, rating } = command;
  return [{ type: 'BotReviewRecorded', data: { botId, userId, rating, text } }];
}

function sample(command: SampleBotStatus, state: BotState, context: DecisionContext): BotEvent[] {
  const sampledAt = command.sampledAt ?? context.now;
  assertSampledAt(sampledAt);
  assertLatency(command.latencyMs);
  const invalid = (code: string, message: string, field: string) =>
    new DomainError('invalid', code, message, field);
  if (typeof command.online !== 'boolean')
    throw invalid('invalid_online', 'online must be true or false', 'online');
  const commandsOk = command.commandsOk ?? command.online;
  if (typeof commandsOk !== 'boolean') {
    throw invalid('invalid_commands_ok', 'commands OK must be true or false', 'commandsOk');
  }
  if (!command.online && (commandsOk || command.latencyMs !== null)) {
    throw invalid('offline_sample', 'an offline bot has no latency and answers no command', 'online');
  }
  const at = Date.parse(sampledAt);
  if (at > Date.parse(context.now) + SAMPLE_CLOCK_SKEW_MS) {
    throw invalid('sample_in_future', 'the sample time is in the future', 'sampledAt');
  }
  const bot = requireRegistered(state, command.botId);
  // Samples arrive in time order; a repeated or late one is dropped so a retried report counts once.
  if (bot.lastSampledAt !== null && at <= Date.parse(bot.lastSampledAt)) return [];
  const data = {
    botId: command.botId,
    sampledAt: new Date(at).toISOString(),
    latencyMs: command.latencyMs,
    online: command.online,
    commandsOk,
  };
  return [{ type: 'BotStatusSampled', data }];
}

function decide(command: BotCommand, state: BotState, context: DecisionContext): BotEvent[] {
  const { botId } = command;
  switch (command.type) {
    case 'RegisterBot':
      return register(command, state);
    case 'ApproveBot':
      return requireRegistered(state, botId).approved ? [] : [{ type: 'BotApproved', data: { botId } }];
    case 'UpdateBotMeta': {
      const meta = normalizeMetaChanges(command.changes, botId);
      if (Object.keys(meta).length === 0) {
        throw new DomainError('invalid', 'empty_changes', 'changes names no field to change', 'changes');
      }
      const changes = metaDiff(requireRegistered(state, botId).meta, meta);
      return Object.keys(changes).length === 0 ? [] : [{ type: 'BotMetaUpdated', data: { botId, changes } }];
    }
    case 'ReportGuildCount': {
      assertGuildCount(command.guildCount);
      const { guildCount } = command;
      return requireApproved(state, botId).guildCount === guildCount
        ? []
        : [{ type: 'BotGuildCountReported', data: { botId, guildCount } }];
    }
    case 'SetBotCommands': {
      const list = parseBotCommandList(command.list);
      const bot = requireRegistered(state, botId);
      if (list === null) return bot.commands === null ? [] : [{ type: 'BotCommandsUnset', data: { botId } }];
      return bot.commands === JSON.stringify(list)
        ? []
        : [{ type: 'BotCommandsSet', data: { botId, ...list } }];
    }
    case 'RecordBotReview':
      return review(command, state);
    case 'SampleBotStatus':
      return sample(command, state, context);
    default:
      return assertNever(command);
  }
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────────────

function evolve(state: BotState, event: BotEvent): BotState {
  if (event.type === 'BotRegistered') {
    const { botId, name, ownerId, prefix, tags, shortDescription, inviteUrl } = event.data;
    return {
      status: 'registered',
      botId,
      details: { name, ownerId, prefix },
      meta: { tags, shortDescription, inviteUrl },
      approved: false,
      guildCount: null,
      commands: null,
      reviews: new Map(),
      lastSampledAt: null,
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'BotDetailsChanged':
      return { ...state, details: { ...state.details, ...event.data.changes } };
    case 'BotApproved':
      return { ...state, approved: true };
    case 'BotMetaUpdated':
      return { ...state, meta: { ...state.meta, ...event.data.changes } };
    case 'BotGuildCountReported':
      return { ...state, guildCount: event.data.guildCount };
    case 'BotCommandsSet': {
      const { sort, commands } = event.data;
      return { ...state, commands: JSON.stringify({ sort, commands }) };
    }
    case 'BotCommandsUnset':
      return { ...state, commands: null };
    case 'BotReviewRecorded': {
      const { userId, rating, text } = event.data;
      return { ...state, reviews: new Map(state.reviews).set(userId, reviewFingerprint(rating, text)) };
    }
    case 'BotStatusSampled':
      return { ...state, lastSampledAt: event.data.sampledAt };
    default:
      // Events trusted, unknown types ignored: a newer writer may have added types this reader predates.
      return state;
  }
}

/** A bot's directory listing, approval, reports, commands and reviews (`bot-{botId}` stream). */
export const botDecider: Decider<BotState, BotCommand, BotEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
  schemaVersions: {
    BotRegistered: 1,
    BotDetailsChanged: 1,
    BotApproved: 1,
    BotMetaUpdated: 1,
    BotGuildCountReported: 1,
    BotCommandsSet: 1,
    BotCommandsUnset: 1,
    BotReviewRecorded: 1,
    BotStatusSampled: 1,
  },
};
