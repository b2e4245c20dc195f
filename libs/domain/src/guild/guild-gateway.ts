import { DomainError } from '../shared/domain-error';
import type { GuildEvent, GuildProfile } from './guild.events';
import {
  NO_GATEWAY_FACTS,
  type GatewayGuildSnapshot,
  type GuildGatewayFacts,
  type GuildRole,
  type ReconcileGuild,
  type RecordBotRemoval,
  type SampleOnlineCount,
} from './guild-gateway.events';
import { profileDiff } from './guild-profile-diff';
import { assertProfileFields, assertSnowflake, sameSet } from './guild.rules';

/** A registered guild as these decisions need it. */
export interface KnownGuild {
  readonly profile: GuildProfile;
  readonly gateway: GuildGatewayFacts;
}

/** Discord's own limits (250 roles, 100-character role names), with room for its feature list. */
export const GATEWAY_LIMITS = {
  maxRoles: 250,
  roleNameMaxLength: 100,
  maxFeatures: 100,
  featureMaxLength: 64,
};

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

function assertRoles(roles: unknown): asserts roles is readonly GuildRole[] {
  const valid =
    Array.isArray(roles) &&
    roles.length <= GATEWAY_LIMITS.maxRoles &&
    roles.every(
      (role: Partial<GuildRole>) =>
        typeof role?.name === 'string' && role.name.length <= GATEWAY_LIMITS.roleNameMaxLength,
    );
  if (!valid) throw invalid('invalid_roles', `roles must be up to ${GATEWAY_LIMITS.maxRoles} roles`, 'roles');
  for (const role of roles as GuildRole[]) assertSnowflake(role.id, 'roles.id');
}

function assertDiscordFeatures(features: unknown): asserts features is readonly string[] {
  const valid =
    Array.isArray(features) &&
    features.length <= GATEWAY_LIMITS.maxFeatures &&
    features.every(
      (f) => typeof f === 'string' && f.length > 0 && f.length <= GATEWAY_LIMITS.featureMaxLength,
    );
  if (!valid)
    throw invalid('invalid_discord_features', 'discordFeatures must be a list of names', 'discordFeatures');
}

function assertSnapshot(snapshot: GatewayGuildSnapshot): void {
  if (typeof snapshot !== 'object' || snapshot === null) {
    throw invalid('invalid_snapshot', 'snapshot must be an object', 'snapshot');
  }
  const { name, ownerId, memberCount, botCount, onlineCount } = snapshot;
  if (memberCount === undefined) throw invalid('missing_field', 'memberCount is required', 'memberCount');
  assertProfileFields({ name, ownerId, memberCount, botCount, onlineCount });
  if (name === undefined) throw invalid('missing_field', 'name is required', 'name');
  if (ownerId === undefined) throw invalid('missing_field', 'ownerId is required', 'ownerId');
  assertRoles(snapshot.roles);
  assertDiscordFeatures(snapshot.discordFeatures);
}

const roleKeys = (roles: readonly GuildRole[]): string[] => roles.map((r) => `${r.id}:${r.name}`);

/**
 * GUILD_CREATE and GUILD_UPDATE as decisions: a guild never seen (or one the bot had left) is
 * registered; a known one records only what differs, so a reconnect or a repeated announcement
 * that changes nothing appends nothing. Counts the gateway cannot know keep their recorded value,
 * and bots and online members never exceed the member count.
 */
export function reconcileGuild(command: ReconcileGuild, known: KnownGuild | undefined): GuildEvent[] {
  const { guildId, snapshot } = command;
  assertSnowflake(guildId, 'guildId');
  assertSnapshot(snapshot);
  const { name, ownerId, memberCount } = snapshot;
  const botCount = Math.min(snapshot.botCount ?? known?.profile.botCount ?? 0, memberCount);
  const onlineCount = Math.min(snapshot.onlineCount ?? known?.profile.onlineCount ?? 0, memberCount);
  const facts = known?.gateway ?? NO_GATEWAY_FACTS;
  const events: GuildEvent[] = [];
  if (!known || facts.removedAt !== null) {
    // Guildhall's own premium flag and feature flags are not Discord's to change: kept as they were.
    const profile: GuildProfile = {
      name,
      ownerId,
      memberCount,
      botCount,
      onlineCount,
      premium: known?.profile.premium ?? false,
      features: [...(known?.profile.features ?? [])],
    };
    events.push({ type: 'GuildRegistered', data: { guildId, ...profile } });
  } else {
    const changes = profileDiff(known.profile, { name, ownerId, memberCount, botCount, onlineCount });
    if (Object.keys(changes).length > 0) events.push({ type: 'GuildUpdated', data: { guildId, changes } });
  }
  const roles = snapshot.roles.map(({ id, name }) => ({ id, name }));
  if (!sameSet(roleKeys(facts.roles), roleKeys(roles))) {
    events.push({ type: 'GuildRolesChanged', data: { guildId, roles } });
  }
  if (!sameSet(facts.discordFeatures, snapshot.discordFeatures)) {
    events.push({
      type: 'GuildDiscordFeaturesChanged',
      data: { guildId, features: [...snapshot.discordFeatures] },
    });
  }
  return events;
}

/** Recorded once: an unknown guild has no history to keep, a removed one is removed already. */
export function recordBotRemoval(
  command: RecordBotRemoval,
  known: KnownGuild | undefined,
  now: string,
): GuildEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  if (!known || known.gateway.removedAt !== null) return [];
  return [{ type: 'BotRemovedFromGuild', data: { guildId: command.guildId, at: now } }];
}

/** A sample only when the count moved; a guild the bot is not in is not sampled. */
export function sampleOnlineCount(
  command: SampleOnlineCount,
  known: KnownGuild | undefined,
  now: string,
): GuildEvent[] {
  assertSnowflake(command.guildId, 'guildId');
  assertProfileFields({ onlineCount: command.onlineCount });
  if (!known || known.gateway.removedAt !== null) return [];
  const onlineCount = Math.min(command.onlineCount, known.profile.memberCount);
  if (onlineCount === known.profile.onlineCount) return [];
  return [{ type: 'OnlineCountSampled', data: { guildId: command.guildId, onlineCount, at: now } }];
}

/** Folds the gateway's facts; other events leave them as they are. */
export function evolveGatewayFacts(facts: GuildGatewayFacts, event: GuildEvent): GuildGatewayFacts {
  switch (event.type) {
    case 'GuildRegistered':
      return { ...facts, removedAt: null };
    case 'GuildRolesChanged':
      return { ...facts, roles: event.data.roles };
    case 'GuildDiscordFeaturesChanged':
      return { ...facts, discordFeatures: event.data.features };
    case 'BotRemovedFromGuild':
      return { ...facts, removedAt: event.data.at };
    default:
      return facts;
  }
}
