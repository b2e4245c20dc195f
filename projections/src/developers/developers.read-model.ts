import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ApiKeyTier, DeveloperBadge } from '#domain';

export interface DeveloperView {
  readonly username: string;
  readonly userId: string | null;
  readonly verified: boolean;
  readonly badge: DeveloperBadge | null;
  readonly apiTier: ApiKeyTier;
  readonly registeredAt: string;
  readonly revision: number;
  readonly updatedAt: string;
}

interface DeveloperRow {
  username: string;
  user_id: string | null;
  verified: number;
  badge: string | null;
  api_tier: string;
  registered_at: string;
  revision: number;
  updated_at: string;
}

/** Queries over the `developers` table. */
export class DevelopersReadModel {
  private byName: StatementSync | undefined;

  constructor(private readonly db: DatabaseSync) {}

  /** The developer, or null when unknown (also before the projection first ran in this data directory). */
  get(username: string): DeveloperView | null {
    if (!this.byName) {
      const exists = this.db
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'developers'")
        .get();
      if (!exists) return null;
      this.byName = this.db.prepare('SELECT * FROM developers WHERE username = ?');
    }
    const row = this.byName.get(username) as DeveloperRow | undefined;
    if (!row) return null;
    return {
      username: row.username,
      userId: row.user_id,
      verified: row.verified === 1,
      badge: row.badge as DeveloperBadge | null,
      apiTier: row.api_tier as ApiKeyTier,
      registeredAt: row.registered_at,
      revision: row.revision,
      updatedAt: row.updated_at,
    };
  }
}
