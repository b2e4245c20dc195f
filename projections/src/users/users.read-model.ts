import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly roles: string[];
}

interface UserRow {
  id: string;
  username: string;
  roles: string;
}

/** Queries over the `users` table. */
export class UsersReadModel {
  private byId: StatementSync | undefined;

  constructor(private readonly db: DatabaseSync) {}

  /** The user, or null when unknown (also before the projection first ran in this data directory). */
  get(userId: string): UserView | null {
    if (!this.byId) {
      const exists = this.db
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'users'")
        .get();
      if (!exists) return null;
      this.byId = this.db.prepare('SELECT id, username, roles FROM users WHERE id = ?');
    }
    const row = this.byId.get(userId) as UserRow | undefined;
    return row ? { id: row.id, username: row.username, roles: JSON.parse(row.roles) as string[] } : null;
  }
}
