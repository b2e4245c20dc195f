import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
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

  private demoDataDir = { value: false, checkedAt: -Infinity };

  constructor(
    private readonly keys: ApiKeysReadModel,
    @Inject(GUILDHALL_CONFIG) private readonly config: Pick<GuildhallConfig, 'dataDir' | 'demoKeys'>,
  ) {}

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
    if (memo && memo.credential === credential && !credential.demo) return memo.principal;
    // Hash and compare even for an unknown id or a revoked key: the answer's timing tells none of them apart.
    const matches = verifyApiKey(rawKey as string, credential?.secretHash);
    if (!credential || !matches || credential.revoked) return null;
    if (credential.demo && !this.demoKeysAccepted()) return null;
    const { keyId, ownerId, tier, scopes, guildId } = credential;
    const principal = { keyId, ownerId, tier, scopes, guildId };
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(rawKey as string, { credential, principal });
    return principal;
  }

  /**
   * Demo keys can be derived by anyone who reads `DATA_DIR/demo-seed`: with `DEMO_KEYS=auto` they work
   * only while this data directory is a demo one (the demo wrote that seed here). Looked up at most
   * every few seconds, since the demo may run after the server started.
   */
  private demoKeysAccepted(): boolean {
    if (this.config.demoKeys !== 'auto') return this.config.demoKeys === 'on';
    const now = Date.now();
    if (now - this.demoDataDir.checkedAt > 5_000) {
      this.demoDataDir = { value: existsSync(join(this.config.dataDir, 'demo-seed')), checkedAt: now };
    }
    return this.demoDataDir.value;
  }
}
