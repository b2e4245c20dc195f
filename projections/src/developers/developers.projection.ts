import type { DatabaseSync } from 'node:sqlite';
import { DEVELOPER_EVENT_TYPES, type DeveloperEvent } from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type DeveloperTable = 'developers';

function migrate(db: DatabaseSync, tables: TableNames<DeveloperTable>): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.developers)} (
    username TEXT PRIMARY KEY,
    user_id TEXT,
    verified INTEGER NOT NULL,
    badge TEXT,
    api_tier TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
}

/** Idempotent by stream revision. Nullable fields travel with a "present" flag, as absent ≠ null. */
function prepare(db: DatabaseSync, tables: TableNames<DeveloperTable>): EventApplier {
  const t = ident(tables.developers);
  const register = db.prepare(
    `INSERT INTO ${t} (username, user_id, verified, badge, api_tier, registered_at, revision, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6) ON CONFLICT (username) DO NOTHING`,
  );
  const change = db.prepare(
    `UPDATE ${t} SET user_id = CASE WHEN ?2 THEN ?3 ELSE user_id END, verified = coalesce(?4, verified),
       badge = CASE WHEN ?5 THEN ?6 ELSE badge END, api_tier = coalesce(?7, api_tier),
       revision = ?8, updated_at = ?9
     WHERE username = ?1 AND revision < ?8`,
  );
  return (recorded: RecordedEvent) => {
    const event = recorded as unknown as DeveloperEvent;
    const at = recorded.metadata.occurredAt;
    if (event.type === 'DeveloperRegistered') {
      const d = event.data;
      register.run(d.username, d.userId, d.verified ? 1 : 0, d.badge, d.apiTier, at, recorded.revision);
    } else if (event.type === 'DeveloperStatusChanged') {
      const { username, changes: c } = event.data;
      change.run(
        username,
        c.userId !== undefined ? 1 : 0,
        c.userId ?? null,
        c.verified === undefined ? null : c.verified ? 1 : 0,
        c.badge !== undefined ? 1 : 0,
        c.badge ?? null,
        c.apiTier ?? null,
        recorded.revision,
        at,
      );
    }
  };
}

/** The `developers` read model: verification, badge and API tier (BotNexus's developer status). */
export const developersProjection: SqliteProjection<DeveloperTable> = {
  name: 'developers',
  version: 1,
  filter: { streamPrefixes: ['developer-'], eventTypes: [...DEVELOPER_EVENT_TYPES] },
  tables: ['developers'],
  migrate,
  prepare,
};
