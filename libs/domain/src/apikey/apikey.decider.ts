import { assertNever, type DecisionContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertSnowflake } from '../guild/guild.rules';
import type {
  ApiKeyCommand,
  ChangeApiKeyScopes,
  ChangeApiKeyTier,
  IssueApiKey,
  RevokeApiKey,
} from './apikey.commands';
import type { ApiKeyEvent } from './apikey.events';
import {
  assertApiKeyId,
  assertMayChangeKeyGrants,
  assertMayManageKeys,
  assertSecretHash,
  hasAdminScope,
  normalizeLabel,
  normalizeReason,
  normalizeScopes,
  normalizeTier,
  sameScopes,
  type ApiKeyScope,
  type ApiKeyTier,
} from './apikey.rules';

/** An API key folded from its stream. The hash is kept out of the state: no decision needs it. */
export type ApiKeyState =
  | { readonly status: 'unissued' }
  | {
      readonly status: 'active' | 'revoked';
      readonly keyId: string;
      readonly ownerId: string;
      readonly tier: ApiKeyTier;
      readonly scopes: readonly ApiKeyScope[];
      readonly guildId: string | null;
    };

type IssuedKey = Exclude<ApiKeyState, { status: 'unissued' }>;

// ── decide ──────────────────────────────────────────────────────────────────────────────────────────

function requireIssued(state: ApiKeyState, keyId: string): IssuedKey {
  if (state.status === 'unissued') {
    throw new DomainError('not_found', 'api_key_not_found', `API key ${keyId} does not exist`);
  }
  return state;
}

/**
 * A revoked key is final: `conflict` (409) rather than `forbidden` (403), because the refusal comes
 * from the key's state, not from who asks; any caller asking the same thing would be refused too.
 */
function requireActive(state: ApiKeyState, keyId: string): IssuedKey {
  const key = requireIssued(state, keyId);
  if (key.status === 'revoked') {
    throw new DomainError('conflict', 'api_key_revoked', `API key ${keyId} is revoked and cannot change`);
  }
  return key;
}

function issue(command: IssueApiKey, state: ApiKeyState): ApiKeyEvent[] {
  assertApiKeyId(command.keyId);
  assertSnowflake(command.ownerId, 'ownerId');
  const guildId = command.guildId ?? null;
  if (guildId !== null) assertSnowflake(guildId, 'guildId');
  assertSecretHash(command.secretHash);
  const tier = normalizeTier(command.tier ?? 'free');
  const scopes = normalizeScopes(command.scopes ?? []);
  const label = normalizeLabel(command.label);
  if (state.status !== 'unissued') {
    // Never idempotent: a second issue under one id would be another secret for the same key.
    throw new DomainError('conflict', 'api_key_exists', `API key ${command.keyId} already exists`, 'keyId');
  }
  const { keyId, ownerId, secretHash } = command;
  const data = { keyId, ownerId, tier, scopes, guildId, secretHash, label };
  return [{ type: 'ApiKeyIssued', data: command.demo === true ? { ...data, demo: true } : data }];
}

function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] {
  const requester = command.requestedBy;
  // Before the key is looked at: a bound key learns nothing, not even whether the id exists.
  assertMayManageKeys(requester);
  const key = requireIssued(state, command.keyId);
  // Checked here, not in a door, so every door (REST, Discord) gets the same rule and the same refusal.
  if (requester && requester.ownerId !== key.ownerId && !hasAdminScope(requester.scopes)) {
    throw new DomainError(
      'forbidden',
      'not_key_owner',
      `only the owner of API key ${command.keyId} or an admin may revoke it`,
    );
  }
  const reason = normalizeReason(command.reason);
  if (key.status === 'revoked') return [];
  return [{ type: 'ApiKeyRevoked', data: { keyId: command.keyId, reason } }];
}

function changeTier(command: ChangeApiKeyTier, state: ApiKeyState): ApiKeyEvent[] {
  assertMayChangeKeyGrants(command.requestedBy);
  const tier = normalizeTier(command.tier);
  const key = requireActive(state, command.keyId);
  return tier === key.tier ? [] : [{ type: 'ApiKeyTierChanged', data: { keyId: command.keyId, tier } }];
}

function changeScopes(command: ChangeApiKeyScopes, state: ApiKeyState): ApiKeyEvent[] {
  assertMayChangeKeyGrants(command.requestedBy);
  const scopes = normalizeScopes(command.scopes);
  const key = requireActive(state, command.keyId);
  return sameScopes(scopes, key.scopes)
    ? []
    : [{ type: 'ApiKeyScopesChanged', data: { keyId: command.keyId, scopes } }];
}

function decide(command: ApiKeyCommand, state: ApiKeyState, _context: DecisionContext): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey':
      return issue(command, state);
    case 'RevokeApiKey':
      return revoke(command, state);
    case 'ChangeApiKeyTier':
      return changeTier(command, state);
    case 'ChangeApiKeyScopes':
      return changeScopes(command, state);
    default:
      return assertNever(command);
  }
}

// ── evolve ──────────────────────────────────────────────────────────────────────────────────────────

function evolve(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, ownerId, tier, scopes, guildId } = event.data;
      return { status: 'active', keyId, ownerId, tier, scopes, guildId };
    }
    case 'ApiKeyRevoked':
      return state.status === 'unissued' ? state : { ...state, status: 'revoked' };
    case 'ApiKeyTierChanged':
      return state.status === 'unissued' ? state : { ...state, tier: event.data.tier };
    case 'ApiKeyScopesChanged':
      return state.status === 'unissued' ? state : { ...state, scopes: event.data.scopes };
    default:
      // Events trusted, unknown types ignored: a newer writer may have added types this reader predates.
      return state;
  }
}

/** Issue, revocation, tier and scopes of one API key (`apikey-{keyId}` stream). */
export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = {
  initialState: () => ({ status: 'unissued' }),
  decide,
  evolve,
  schemaVersions: { ApiKeyIssued: 1, ApiKeyRevoked: 1, ApiKeyTierChanged: 1, ApiKeyScopesChanged: 1 },
};
