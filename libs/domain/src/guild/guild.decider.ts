import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { ChangeSettings, GuildCommand, RegisterGuild, UpdateGuild } from './guild.commands';
import { evolveGatewayFacts, reconcileGuild, recordBotRemoval, sampleOnlineCount } from './guild-gateway';
import { NO_GATEWAY_FACTS, type GuildGatewayFacts } from './guild-gateway.events';
import { applyMembership, recordMembership } from './guild-membership';
import { PROFILE_FIELDS, profileDiff } from './guild-profile-diff';
import {
  DEFAULT_GUILD_SETTINGS,
  type AutoModSettings,
  type GuildEvent,
  type GuildProfile,
  type GuildSettings,
  type SettingsChanges,
} from './guild.events';
import {
  assertCompleteProfile,
  assertProfileConsistent,
  assertProfileFields,
  assertSnowflake,
  normalizeSettingsChanges,
  sameSet,
} from './guild.rules';

/** A guild folded from its stream. */
export type GuildState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly guildId: string;
      readonly profile: GuildProfile;
      readonly settings: GuildSettings;
      readonly gateway: GuildGatewayFacts;
    };

type RegisteredGuild = Extract<GuildState, { status: 'registered' }>;
type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

// ── decide ──────────────────────────────────────────────────────────────────────────────────────────

function requireRegistered(state: GuildState, guildId: string): RegisteredGuild {
  if (state.status !== 'registered') {
    throw new DomainError('not_found', 'guild_not_found', `guild ${guildId} is not registered`);
  }
  return state;
}

function registerGuild(command: RegisterGuild, state: GuildState): GuildEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  assertCompleteProfile(command.profile);
  if (state.status === 'unregistered') {
    const p = command.profile;
    // Copy field by field so stray properties on the command never reach the event store.
    const profile: GuildProfile = {
      name: p.name,
      ownerId: p.ownerId,
      memberCount: p.memberCount,
      botCount: p.botCount,
      onlineCount: p.onlineCount,
      premium: p.premium,
      features: [...p.features],
    };
    return [{ type: 'GuildRegistered', data: { guildId: command.guildId, ...profile } }];
  }
  // Re-announcing a known guild (bot reconnect, demo loader run twice) only records what changed.
  const changes = profileDiff(state.profile, command.profile);
  return Object.keys(changes).length === 0
    ? []
    : [{ type: 'GuildUpdated', data: { guildId: command.guildId, changes } }];
}

function updateGuild(command: UpdateGuild, state: GuildState): GuildEvent[] {
  const guild = requireRegistered(state, command.guildId);
  const changes = command.changes ?? {};
  if (!PROFILE_FIELDS.some((field) => changes[field] !== undefined)) {
    throw new DomainError('invalid', 'empty_changes', 'changes names no field to update', 'changes');
  }
  assertProfileFields(changes);
  const diff = profileDiff(guild.profile, changes);
  assertProfileConsistent({ ...guild.profile, ...diff });
  return Object.keys(diff).length === 0
    ? []
    : [{ type: 'GuildUpdated', data: { guildId: command.guildId, changes: diff } }];
}

function autoModDiff(current: AutoModSettings, next: Partial<AutoModSettings>): Partial<AutoModSettings> {
  const diff: Mutable<AutoModSettings> = {};
  if (next.enabled !== undefined && next.enabled !== current.enabled) diff.enabled = next.enabled;
  if (next.spamProtection !== undefined && next.spamProtection !== current.spamProtection) {
    diff.spamProtection = next.spamProtection;
  }
  if (next.wordFilter !== undefined && !sameSet(current.wordFilter, next.wordFilter))
    diff.wordFilter = next.wordFilter;
  return diff;
}

function changeSettings(command: ChangeSettings, state: GuildState): GuildEvent[] {
  const guild = requireRegistered(state, command.guildId);
  const next = normalizeSettingsChanges(command.changes);
  const current = guild.settings;
  const diff: Mutable<SettingsChanges> = {};
  if (next.prefix !== undefined && next.prefix !== current.prefix) diff.prefix = next.prefix;
  if (next.welcomeChannelId !== undefined && next.welcomeChannelId !== current.welcomeChannelId) {
    diff.welcomeChannelId = next.welcomeChannelId;
  }
  if (next.modLogChannelId !== undefined && next.modLogChannelId !== current.modLogChannelId) {
    diff.modLogChannelId = next.modLogChannelId;
  }
  if (next.autoMod !== undefined) {
    const autoMod = autoModDiff(current.autoMod, next.autoMod);
    if (Object.keys(autoMod).length > 0) diff.autoMod = autoMod;
  }
  if (next.timeZone !== undefined && next.timeZone !== current.timeZone) diff.timeZone = next.timeZone;
  return Object.keys(diff).length === 0
    ? []
    : [{ type: 'SettingsChanged', data: { guildId: command.guildId, changes: diff } }];
}

const known = (state: GuildState) => (state.status === 'registered' ? state : undefined);

function decide(command: GuildCommand, state: GuildState, context: DecisionContext): GuildEvent[] {
  switch (command.type) {
    case 'RegisterGuild':
      return registerGuild(command, state);
    case 'UpdateGuild':
      return updateGuild(command, state);
    case 'ChangeSettings':
      return changeSettings(command, state);
    case 'RecordMembership':
      return recordMembership(command, state.status === 'registered', context);
    case 'ReconcileGuild':
      return reconcileGuild(command, known(state));
    case 'RecordBotRemoval':
      return recordBotRemoval(command, known(state), context.now);
    case 'SampleOnlineCount':
      return sampleOnlineCount(command, known(state), context.now);
    default:
      return assertNever(command);
  }
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────────────

/** Folds a settings change into settings; `autoMod` merges field by field. Shared with read models. */
export function applySettingsChanges(settings: GuildSettings, changes: SettingsChanges): GuildSettings {
  const { autoMod, ...flat } = changes;
  return { ...settings, ...flat, autoMod: autoMod ? { ...settings.autoMod, ...autoMod } : settings.autoMod };
}

function evolve(state: GuildState, event: GuildEvent): GuildState {
  switch (event.type) {
    case 'GuildRegistered': {
      const { guildId, ...profile } = event.data;
      const settings = state.status === 'registered' ? state.settings : DEFAULT_GUILD_SETTINGS;
      const gateway = state.status === 'registered' ? state.gateway : NO_GATEWAY_FACTS;
      return {
        status: 'registered',
        guildId,
        profile,
        settings,
        gateway: evolveGatewayFacts(gateway, event),
      };
    }
    case 'OnlineCountSampled': {
      if (state.status !== 'registered') return state;
      return { ...state, profile: { ...state.profile, onlineCount: event.data.onlineCount } };
    }
    case 'GuildRolesChanged':
    case 'GuildDiscordFeaturesChanged':
    case 'BotRemovedFromGuild': {
      if (state.status !== 'registered') return state;
      return { ...state, gateway: evolveGatewayFacts(state.gateway, event) };
    }
    case 'GuildUpdated':
      if (state.status !== 'registered') return state;
      return { ...state, profile: { ...state.profile, ...event.data.changes } };
    case 'SettingsChanged':
      if (state.status !== 'registered') return state;
      return { ...state, settings: applySettingsChanges(state.settings, event.data.changes) };
    case 'MemberJoined':
    case 'MemberLeft':
      if (state.status !== 'registered') return state;
      return { ...state, profile: applyMembership(state.profile, event.data, event.type === 'MemberJoined') };
    default:
      // Events trusted, unknown types ignored: a newer writer may have added types this reader predates.
      return state;
  }
}

/** Registration, profile updates and settings of one guild (`guild-{guildId}` stream). */
export const guildDecider: Decider<GuildState, GuildCommand, GuildEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide,
  evolve,
  schemaVersions: {
    GuildRegistered: 1,
    GuildUpdated: 1,
    SettingsChanged: 1,
    MemberJoined: 1,
    MemberLeft: 1,
    GuildRolesChanged: 1,
    GuildDiscordFeaturesChanged: 1,
    BotRemovedFromGuild: 1,
    OnlineCountSampled: 1,
  },
};
