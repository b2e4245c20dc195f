/** Issues a key whose material the caller already made; the domain only ever sees its hash. */
export interface IssueApiKey {
  readonly type: 'IssueApiKey';
  readonly keyId: string;
  readonly ownerId: string;
  /** Defaults to `free`. */
  readonly tier?: string;
  /** Defaults to none; validated against the scope grammar and stored normalized. */
  readonly scopes?: readonly string[];
  readonly guildId?: string | null;
  readonly secretHash: string;
  readonly label?: string | null;
  /** A demo key (derivable from the data directory's demo seed); only the demo loader sets it. */
  readonly demo?: boolean;
}

/** Who asks to manage keys through a door that must check it; absent for trusted doors (CLI, system). */
export interface ApiKeyRequester {
  readonly ownerId: string;
  /** The requester's own scopes; `admin` may revoke anyone's key. */
  readonly scopes?: readonly string[];
  /**
   * The guild the requester's own key is bound to, when it is one: such a key acts only on that
   * guild and may not manage keys at all. Absent or null for an account key or a Discord user.
   */
  readonly guildId?: string | null;
}

export interface RevokeApiKey {
  readonly type: 'RevokeApiKey';
  readonly keyId: string;
  readonly reason?: string | null;
  readonly requestedBy?: ApiKeyRequester;
}

/** Tier and scopes are an operator's: a requester, when there is one, must be an unbound admin key. */
export interface ChangeApiKeyTier {
  readonly type: 'ChangeApiKeyTier';
  readonly keyId: string;
  readonly tier: string;
  readonly requestedBy?: ApiKeyRequester;
}

export interface ChangeApiKeyScopes {
  readonly type: 'ChangeApiKeyScopes';
  readonly keyId: string;
  readonly scopes: readonly string[];
  readonly requestedBy?: ApiKeyRequester;
}

export type ApiKeyCommand = IssueApiKey | RevokeApiKey | ChangeApiKeyTier | ChangeApiKeyScopes;
