import { Injectable } from '@nestjs/common';
import type { ApiKeyScope, ApiKeyTier } from '#domain';
import { ApiKeysReadModel } from '#projections';
import { parseApiKey, verifyApiKey } from './api-key-secret';

/** Who a valid key speaks for; what guards put on the request. */
export interface ApiKeyPrincipal {
  readonly keyId: string;
  readonly ownerId: string;
  readonly tier: ApiKeyTier;
  readonly scopes: readonly ApiKeyScope[];
  /** The only guild the key may act on, or null for an account key. */
  readonly guildId: string | null;
}

/**
 * Checks a presented key on every request: parse, one primary-key lookup in the read model, a
 * constant-time hash comparison. No QueryBus on this path: it runs before every handler.
 */
@Injectable()
export class ApiKeyAuthenticator {
  /**
   * Keys already verified, with the credential they were verified against. The read model hands out
   * the same credential object until the keys projection moves on (its cache is versioned), so an
   * identical object means nothing about the key changed and the hash need not be computed again.
   */
  private readonly verified = new Map<string, { credential: object; principal: ApiKeyPrincipal }>();

  constructor(private readonly keys: ApiKeysReadModel) {}

  /** The key's principal, or null when the key is malformed, unknown, revoked or wrong. Never throws on input. */
  async authenticate(rawKey: unknown): Promise<ApiKeyPrincipal | null> {
    return this.authenticateSync(rawKey);
  }

  /** The same check without a promise: it runs on every request, where each microtask hop shows. */
  authenticateSync(rawKey: unknown): ApiKeyPrincipal | null {
    const parsed = parseApiKey(rawKey);
    if (!parsed) return null;
    const memo = this.verified.get(rawKey as string);
    const credential = this.keys.findCredential(parsed.keyId);
    if (memo && memo.credential === credential) return memo.principal;
    // Hash and compare even for an unknown id or a revoked key: the answer's timing tells none of them apart.
    const matches = verifyApiKey(rawKey as string, credential?.secretHash);
    if (!credential || !matches || credential.revoked) return null;
    const { keyId, ownerId, tier, scopes, guildId } = credential;
    const principal = { keyId, ownerId, tier, scopes, guildId };
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(rawKey as string, { credential, principal });
    return principal;
  }
}
