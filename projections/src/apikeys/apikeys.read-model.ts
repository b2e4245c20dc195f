import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ApiKeyScope, ApiKeyTier } from '#domain';
import { VersionedCache, type ReadModelVersion } from '../runtime/versioned-cache';

/** An API key as queries return it: never its secret, nor its hash. */
export interface ApiKeyView {
  readonly keyId: string;
  readonly ownerId: string;
  readonly tier: ApiKeyTier;
  readonly scopes: ApiKeyScope[];
  readonly guildId: string | null;
  readonly label: string | null;
  readonly issuedAt: string;
  /** Null while the key is active. */
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  /** Revision of the key's stream this view reflects. */
  readonly revision: number;
}

/** What the authenticator needs to check a presented key; nothing else should ask for the hash. */
export interface ApiKeyCredential {
  readonly keyId: string;
  readonly ownerId: string;
  readonly tier: ApiKeyTier;
  readonly scopes: ApiKeyScope[];
  readonly guildId: string | null;
  readonly secretHash: string;
  readonly revoked: boolean;
  /** A demo key: accepted only where demo keys are (see `DEMO_KEYS`). */
  readonly demo: boolean;
}

interface ApiKeyRow {
  key_id: string;
  owner_id: string;
  tier: string;
  scopes: string;
  guild_id: string | null;
  secret_hash: string;
  label: string | null;
  issued_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  revision: number;
  demo: number;
}

type StatementName = 'byId' | 'byOwner' | 'all';
const COLUMNS = `key_id, owner_id, tier, scopes, guild_id, label, issued_at, revoked_at, revoke_reason, revision`;
const SQL: Record<StatementName, string> = {
  byId: 'SELECT * FROM api_keys WHERE key_id = ?',
  byOwner: `SELECT ${COLUMNS} FROM api_keys WHERE owner_id = ? ORDER BY issued_at, key_id`,
  all: `SELECT ${COLUMNS} FROM api_keys ORDER BY issued_at, key_id LIMIT ?`,
};

/** Queries over the `api_keys` table of the read-model database. */
export class ApiKeysReadModel {
  private readonly statements = new Map<StatementName, StatementSync>();

  private readonly credentials: VersionedCache<string, ApiKeyCredential | null>;

  /** `version` (the projection's checkpoint) lets every request's key lookup skip SQLite until keys change. */
  constructor(
    private readonly db: DatabaseSync,
    version: ReadModelVersion = () => undefined,
  ) {
    this.credentials = new VersionedCache(version);
  }

  /** The key, or null when unknown (also before the projection has ever run in this data directory). */
  findById(keyId: string): ApiKeyView | null {
    const row = this.statement('byId')?.get(keyId) as ApiKeyRow | undefined;
    return row ? toView(row) : null;
  }

  /** Every key of one owner, revoked ones included, oldest first. */
  listByOwner(ownerId: string): ApiKeyView[] {
    return ((this.statement('byOwner')?.all(ownerId) ?? []) as unknown as ApiKeyRow[]).map(toView);
  }

  /** Every key, oldest first, up to `limit` (operators' listing). */
  listAll(limit = 1_000): ApiKeyView[] {
    return ((this.statement('all')?.all(limit) ?? []) as unknown as ApiKeyRow[]).map(toView);
  }

  /** For the authenticator only: the key with its hash, in one primary-key lookup. */
  findCredential(keyId: string): ApiKeyCredential | null {
    return this.credentials.get(keyId, () => this.loadCredential(keyId));
  }

  private loadCredential(keyId: string): ApiKeyCredential | null {
    const row = this.statement('byId')?.get(keyId) as ApiKeyRow | undefined;
    if (!row) return null;
    const { keyId: id, ownerId, tier, scopes, guildId, revokedAt } = toView(row);
    return {
      keyId: id,
      ownerId,
      tier,
      scopes,
      guildId,
      secretHash: row.secret_hash,
      revoked: revokedAt !== null,
      demo: row.demo === 1,
    };
  }

  // Prepared on first use: a process that never started the projection (the CLI on a fresh data
  // directory) has no table yet, and then every key is simply unknown.
  private statement(name: StatementName): StatementSync | undefined {
    const cached = this.statements.get(name);
    if (cached) return cached;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'api_keys'")
      .get();
    if (!exists) return undefined;
    const statement = this.db.prepare(SQL[name]);
    this.statements.set(name, statement);
    return statement;
  }
}

function toView(row: Omit<ApiKeyRow, 'secret_hash'>): ApiKeyView {
  return {
    keyId: row.key_id,
    ownerId: row.owner_id,
    tier: row.tier as ApiKeyTier,
    scopes: JSON.parse(row.scopes) as ApiKeyScope[],
    guildId: row.guild_id,
    label: row.label,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    revision: row.revision,
  };
}
