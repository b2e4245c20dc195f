import type { DatabaseSync } from 'node:sqlite';
import {
  ERASED_PERSONAL_DATA,
  USER_EVENT_TYPES,
  type PersonalDataErased,
  type UserProfileRecorded,
  type UserProfileUpdated,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type UserTable = 'users';

function migrate(db: DatabaseSync, tables: TableNames<UserTable>): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(tables.users)} (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    roles TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`);
}

/** Idempotent by stream revision: a row only moves forward. */
function prepare(db: DatabaseSync, tables: TableNames<UserTable>): EventApplier {
  const t = ident(tables.users);
  const record = db.prepare(
    `INSERT INTO ${t} (id, username, roles, revision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, roles = excluded.roles,
       revision = excluded.revision, updated_at = excluded.updated_at
     WHERE excluded.revision > ${t}.revision`,
  );
  const update = db.prepare(
    `UPDATE ${t} SET username = coalesce(?2, username), roles = coalesce(?3, roles), revision = ?4, updated_at = ?5
     WHERE id = ?1 AND revision < ?4`,
  );
  return (event: RecordedEvent) => {
    const at = event.metadata.occurredAt;
    if (event.type === 'UserProfileRecorded') {
      const d = (event as RecordedEvent<'UserProfileRecorded', UserProfileRecorded['data']>).data;
      record.run(d.userId, d.username, JSON.stringify(d.roles), event.revision, at);
    } else if (event.type === 'UserProfileUpdated') {
      const { userId, changes } = (event as RecordedEvent<'UserProfileUpdated', UserProfileUpdated['data']>)
        .data;
      const roles = changes.roles === undefined ? null : JSON.stringify(changes.roles);
      update.run(userId, changes.username ?? null, roles, event.revision, at);
    } else if (event.type === 'PersonalDataErased') {
      // The row held the name in plaintext; the key's loss only reaches events read from now on.
      const { userId } = (event as RecordedEvent<'PersonalDataErased', PersonalDataErased['data']>).data;
      update.run(userId, ERASED_PERSONAL_DATA, null, event.revision, at);
    }
  };
}

/** The `users` read model: what the platform knows of each Discord user (Hush's `GET /v1/users/:id`). */
export const usersProjection: SqliteProjection<UserTable> = {
  name: 'users',
  version: 1,
  filter: { streamPrefixes: ['user-'], eventTypes: [...USER_EVENT_TYPES] },
  tables: ['users'],
  migrate,
  prepare,
};
