import type { DomainEvent } from '../shared/decider';
import type { ApiKeyScope, ApiKeyTier } from './apikey.rules';

/**
 * A key was issued. Only the SHA-256 of the whole key is recorded: the plaintext is shown to its owner
 * once and never reaches the event store.
 */
export type ApiKeyIssued = DomainEvent<
  'ApiKeyIssued',
  {
    readonly keyId: string;
    readonly ownerId: string;
    readonly tier: ApiKeyTier;
    readonly scopes: readonly ApiKeyScope[];
    /** The one guild the key is bound to (Elixir-style keys), or null for an account key. */
    readonly guildId: string | null;
    /** Lowercase hex SHA-256 of the whole key string. */
    readonly secretHash: string;
    readonly label: string | null;
    /**
     * Present (true) only on the demo's keys, whose secrets anyone holding the data directory's
     * `demo-seed` can derive: servers refuse them outside a demo data directory. Absent otherwise.
     */
    readonly demo?: true;
  }
>;
export type ApiKeyRevoked = DomainEvent<
  'ApiKeyRevoked',
  { readonly keyId: string; readonly reason: string | null }
>;
export type ApiKeyTierChanged = DomainEvent<
  'ApiKeyTierChanged',
  { readonly keyId: string; readonly tier: ApiKeyTier }
>;
/** The whole new scope list, not a diff: scopes are few and a full list reads better in the audit trail. */
export type ApiKeyScopesChanged = DomainEvent<
  'ApiKeyScopesChanged',
  { readonly keyId: string; readonly scopes: readonly ApiKeyScope[] }
>;

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked | ApiKeyTierChanged | ApiKeyScopesChanged;

export const API_KEY_EVENT_TYPES = [
  'ApiKeyIssued',
  'ApiKeyRevoked',
  'ApiKeyTierChanged',
  'ApiKeyScopesChanged',
] as const satisfies readonly ApiKeyEvent['type'][];

export const apiKeyStreamId = (keyId: string): string => `apikey-${keyId}`;
