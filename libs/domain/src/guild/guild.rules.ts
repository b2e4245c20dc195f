import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import { assertTimeZone } from '../shared/time';
import type { AutoModSettings, GuildProfile, SettingsChanges } from './guild.events';

/** Features a guild can enable. Part of the public API: the doors accept exactly these strings. */
export const GUILD_FEATURES = ['music', 'moderation', 'analytics', 'welcome', 'automod', 'leveling'] as const;
export type GuildFeature = (typeof GUILD_FEATURES)[number];

/** Limits the domain enforces; exported so doors can describe them (OpenAPI, Discord option limits). */
export const GUILD_LIMITS = {
  nameMaxLength: 100,
  prefixMaxLength: 10,
  wordFilterMaxWords: 100,
  wordMaxLength: 50,
} as const;

const SNOWFLAKE = /^\d{1,20}$/;
const KNOWN_FEATURES: ReadonlySet<string> = new Set(GUILD_FEATURES);

/** A Discord id: the decimal string of a 64-bit integer. */
export const isSnowflake = (value: unknown): value is string =>
  typeof value === 'string' && SNOWFLAKE.test(value);

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

export function assertSnowflake(value: unknown, field: string): asserts value is string {
  if (!isSnowflake(value)) throw invalid(`invalid_${snake(field)}`, `${field} must be a snowflake id`, field);
}

const snake = (field: string): string =>
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/\./g, '_');

function assertName(value: unknown): void {
  // Whitespace-only names are refused too: Discord shows them as blank and nobody can find the guild.
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > GUILD_LIMITS.nameMaxLength) {
    throw invalid('invalid_name', `name must be 1–${GUILD_LIMITS.nameMaxLength} characters`, 'name');
  }
  assertPlainText(value, 'name');
}

function assertCount(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid('invalid_count', `${field} must be a non-negative integer`, field);
  }
}

function assertFeatures(value: unknown): void {
  if (!Array.isArray(value)) throw invalid('invalid_features', 'features must be a list', 'features');
  const seen = new Set<string>();
  for (const feature of value) {
    if (typeof feature !== 'string' || !KNOWN_FEATURES.has(feature)) {
      throw invalid(
        'unknown_feature',
        `unknown feature ${JSON.stringify(feature)}; known: ${GUILD_FEATURES.join(', ')}`,
        'features',
      );
    }
    if (seen.has(feature))
      throw invalid('duplicate_feature', `feature ${feature} is listed twice`, 'features');
    seen.add(feature);
  }
}

/** Validates each present profile field; cross-field rules need the merged profile, see `assertProfileConsistent`. */
export function assertProfileFields(fields: Partial<GuildProfile>): void {
  if (fields.name !== undefined) assertName(fields.name);
  if (fields.ownerId !== undefined) assertSnowflake(fields.ownerId, 'ownerId');
  if (fields.memberCount !== undefined) assertCount(fields.memberCount, 'memberCount');
  if (fields.botCount !== undefined) assertCount(fields.botCount, 'botCount');
  if (fields.onlineCount !== undefined) assertCount(fields.onlineCount, 'onlineCount');
  if (fields.premium !== undefined && typeof fields.premium !== 'boolean') {
    throw invalid('invalid_premium', 'premium must be true or false', 'premium');
  }
  if (fields.features !== undefined) assertFeatures(fields.features);
}

export function assertProfileConsistent(profile: GuildProfile): void {
  if (profile.botCount > profile.memberCount) {
    throw invalid('bot_count_exceeds_members', 'botCount cannot exceed memberCount', 'botCount');
  }
  if (profile.onlineCount > profile.memberCount) {
    throw invalid('online_count_exceeds_members', 'onlineCount cannot exceed memberCount', 'onlineCount');
  }
}

/** A complete profile for RegisterGuild: every field present and valid. */
export function assertCompleteProfile(profile: GuildProfile): void {
  const required: (keyof GuildProfile)[] = [
    'name',
    'ownerId',
    'memberCount',
    'botCount',
    'onlineCount',
    'premium',
    'features',
  ];
  for (const field of required) {
    if (profile?.[field] === undefined) throw invalid('missing_field', `${field} is required`, field);
  }
  assertProfileFields(profile);
  assertProfileConsistent(profile);
}

function normalizePrefix(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > GUILD_LIMITS.prefixMaxLength) {
    throw invalid(
      'invalid_prefix',
      `prefix must be 1–${GUILD_LIMITS.prefixMaxLength} characters, not only spaces`,
      'prefix',
    );
  }
  assertPlainText(value, 'prefix');
  return value;
}

function normalizeChannel(value: unknown, field: string): string | null {
  if (value === null) return null;
  assertSnowflake(value, field);
  return value;
}

/** Lowercased, trimmed, first occurrence kept: matching is case-insensitive, so duplicates would only cost. */
function normalizeWordFilter(value: unknown): string[] {
  const field = 'autoMod.wordFilter';
  if (!Array.isArray(value))
    throw invalid('invalid_word_filter', 'wordFilter must be a list of words', field);
  if (value.length > GUILD_LIMITS.wordFilterMaxWords) {
    throw invalid(
      'too_many_words',
      `wordFilter holds at most ${GUILD_LIMITS.wordFilterMaxWords} words`,
      field,
    );
  }
  const words = new Set<string>();
  for (const raw of value) {
    const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    if (word.length === 0 || word.length > GUILD_LIMITS.wordMaxLength) {
      throw invalid('invalid_word', `each word must be 1–${GUILD_LIMITS.wordMaxLength} characters`, field);
    }
    assertPlainText(word, field);
    words.add(word);
  }
  return [...words];
}

function normalizeFlag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw invalid(`invalid_${snake(field)}`, `${field} must be true or false`, field);
  return value;
}

function normalizeAutoMod(value: unknown): Partial<AutoModSettings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('invalid_auto_mod', 'autoMod must be an object', 'autoMod');
  }
  const input = value as Partial<AutoModSettings>;
  const out: { -readonly [K in keyof AutoModSettings]?: AutoModSettings[K] } = {};
  if (input.enabled !== undefined) out.enabled = normalizeFlag(input.enabled, 'autoMod.enabled');
  if (input.spamProtection !== undefined) {
    out.spamProtection = normalizeFlag(input.spamProtection, 'autoMod.spamProtection');
  }
  if (input.wordFilter !== undefined) out.wordFilter = normalizeWordFilter(input.wordFilter);
  if (Object.keys(out).length === 0)
    throw invalid('empty_changes', 'autoMod names no setting to change', 'autoMod');
  return out;
}

/** Validates a settings change and returns it in stored form; refuses a change that names nothing. */
export function normalizeSettingsChanges(changes: SettingsChanges): SettingsChanges {
  const input = changes ?? {};
  const out: { -readonly [K in keyof SettingsChanges]: SettingsChanges[K] } = {};
  if (input.prefix !== undefined) out.prefix = normalizePrefix(input.prefix);
  if (input.welcomeChannelId !== undefined) {
    out.welcomeChannelId = normalizeChannel(input.welcomeChannelId, 'welcomeChannelId');
  }
  if (input.modLogChannelId !== undefined) {
    out.modLogChannelId = normalizeChannel(input.modLogChannelId, 'modLogChannelId');
  }
  if (input.autoMod !== undefined) out.autoMod = normalizeAutoMod(input.autoMod);
  if (input.timeZone !== undefined) {
    assertTimeZone(input.timeZone, 'timeZone');
    out.timeZone = input.timeZone;
  }
  if (Object.keys(out).length === 0)
    throw invalid('empty_changes', 'changes names no setting to change', 'changes');
  return out;
}

/** Lists compared as sets: order carries no meaning for features or filtered words. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((item) => set.has(item));
}
