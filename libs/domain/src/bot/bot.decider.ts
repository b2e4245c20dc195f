import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertSnowflake } from '../guild/guild.rules';
import { parseBotCommandList } from './bot-command-list.rules';
import { review, reviewFingerprint, sample } from './bot-reports.decide';
import { requireApproved, requireRegistered, type BotState } from './bot.state';
import type { BotCommand, RegisterBot } from './bot.commands';
import type { BotDetails, BotEvent, BotMeta } from './bot.events';
import {
  assertGuildCount,
  normalizeBotName,
  normalizeBotPrefix,
  normalizeMetaChanges,
  sameList,
} from './bot.rules';

// ── decide ──────────────────────────────────────────────────────────────────────────────────────────

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
export type { BotState } from './bot.state';
