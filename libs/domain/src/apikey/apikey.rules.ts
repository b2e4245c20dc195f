import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import type { ApiKeyRequester } from './apikey.commands';

/** Rate-limit tiers. Part of the public API: the doors accept exactly these strings. */
export const API_KEY_TIERS = ['free', 'premium', 'enterprise'] as const;
export type ApiKeyTier = (typeof API_KEY_TIERS)[number];

/**
 * What a key may do beyond acting for its owner: `admin` (platform admin) or `bot:{botId}` (owner of
 * that bot). A template literal type, so a typo in code is a compile error, and `parseScope` for input.
 */
export type ApiKeyScope = 'admin' | `bot:${string}`;

export const API_KEY_LIMITS = {
  labelMaxLength: 100,
  reasonMaxLength: 200,
  maxScopes: 50,
} as const;

/** 16 lowercase base32/hex characters: the stream id suffix and the visible part of a key. */
const KEY_ID = /^[0-9a-z]{16}$/;
const SECRET_HASH = /^[0-9a-f]{64}$/;
const BOT_SCOPE = /^bot:(\d{1,20})$/;
const KNOWN_TIERS: ReadonlySet<string> = new Set(API_KEY_TIERS);

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

export const isApiKeyId = (value: unknown): value is string =>
  typeof value === 'string' && KEY_ID.test(value);

export const isApiKeyTier = (value: unknown): value is ApiKeyTier =>
  typeof value === 'string' && KNOWN_TIERS.has(value);

/** The scope a string names, or null when it follows no rule of the grammar. */
export function parseScope(value: unknown): ApiKeyScope | null {
  if (value === 'admin') return 'admin';
  if (typeof value !== 'string') return null;
  const bot = BOT_SCOPE.exec(value);
  return bot ? `bot:${bot[1]}` : null;
}

/** Whether the scopes make their holder a platform admin. */
export const hasAdminScope = (scopes: readonly string[] | undefined): boolean =>
  scopes?.includes('admin') ?? false;

/** Whether the scopes let their holder act as the owner of bot `botId` (admins may act for any bot). */
export const canActForBot = (scopes: readonly string[] | undefined, botId: string): boolean =>
  hasAdminScope(scopes) || (scopes?.includes(`bot:${botId}`) ?? false);

/**
 * Managing keys (listing, issuing, revoking, changing them) needs an account key: a key bound to one
 * guild acts only on that guild, so a guild's key leaking can never reach its owner's other keys.
 * No requester means a trusted door (CLI, system), which is not checked.
 */
export function assertMayManageKeys(requester: ApiKeyRequester | undefined): void {
  if (requester?.guildId !== undefined && requester.guildId !== null) {
    throw new DomainError(
      'forbidden',
      'guild_bound_key',
      `this key is bound to guild ${requester.guildId} and acts only on it; managing API keys needs a key that is not bound to a guild`,
    );
  }
}

/** Tier and scopes are an operator's to change: an unbound admin key, or a trusted door. */
export function assertMayChangeKeyGrants(requester: ApiKeyRequester | undefined): void {
  assertMayManageKeys(requester);
  if (requester && !hasAdminScope(requester.scopes)) {
    throw new DomainError('forbidden', 'admin_required', 'only an admin may change a key’s tier or scopes');
  }
}

export function assertApiKeyId(value: unknown): asserts value is string {
  if (!isApiKeyId(value)) {
    throw invalid('invalid_key_id', 'keyId must be 16 lowercase letters or digits', 'keyId');
  }
}

/** A hash, never a key: this is what keeps a plaintext key out of the store even if a caller mixes them up. */
export function assertSecretHash(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !SECRET_HASH.test(value)) {
    throw invalid('invalid_secret_hash', 'secretHash must be a lowercase hex SHA-256 digest', 'secretHash');
  }
}

export function normalizeTier(value: unknown): ApiKeyTier {
  if (!isApiKeyTier(value)) {
    throw invalid(
      'invalid_tier',
      `unknown tier ${JSON.stringify(value)}; known: ${API_KEY_TIERS.join(', ')}`,
      'tier',
    );
  }
  return value;
}

/** Parsed, deduplicated and sorted: the same set of scopes always has the same stored form. */
export function normalizeScopes(value: unknown): ApiKeyScope[] {
  if (!Array.isArray(value)) throw invalid('invalid_scopes', 'scopes must be a list', 'scopes');
  if (value.length > API_KEY_LIMITS.maxScopes) {
    throw invalid('too_many_scopes', `a key holds at most ${API_KEY_LIMITS.maxScopes} scopes`, 'scopes');
  }
  const scopes = new Set<ApiKeyScope>();
  for (const raw of value) {
    const scope = parseScope(raw);
    if (!scope) {
      throw invalid(
        'invalid_scope',
        `unknown scope ${JSON.stringify(raw)}; expected admin or bot:{botId}`,
        'scopes',
      );
    }
    scopes.add(scope);
  }
  return [...scopes].sort();
}

/** Trimmed; blank or absent means no label. */
export function normalizeLabel(value: unknown): string | null {
  return normalizeText(value, 'label', API_KEY_LIMITS.labelMaxLength);
}

export function normalizeReason(value: unknown): string | null {
  return normalizeText(value, 'reason', API_KEY_LIMITS.reasonMaxLength);
}

function normalizeText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(`invalid_${field}`, `${field} must be text`, field);
  const text = value.trim();
  if (text.length > max)
    throw invalid(`invalid_${field}`, `${field} must be at most ${max} characters`, field);
  assertPlainText(text, field);
  return text.length === 0 ? null : text;
}

/** Scope lists compared as sets; both sides are normalized (sorted) already. */
export const sameScopes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((scope, i) => scope === b[i]);
