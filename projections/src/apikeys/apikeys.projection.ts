import type { DatabaseSync } from 'node:sqlite';
import {
  API_KEY_EVENT_TYPES,
  type ApiKeyIssued,
  type ApiKeyRevoked,
  type ApiKeyScopesChanged,
  type ApiKeyTierChanged,
  ERASED_PERSONAL_DATA,
  type PersonalDataErased,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { EventApplier, SqliteProjection, TableNames } from '../runtime/sqlite-projection';

type ApiKeyTable = 'api_keys';

function migrate(db: DatabaseSync, tables: TableNames<ApiKeyTable>): void {
  const t = tables.api_keys;
  // WITHOUT ROWID: the authenticator looks every request's key up by id, so the primary key is the table.
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t)} (
    key_id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    tier TEXT NOT NULL,
    scopes TEXT NOT NULL,
    guild_id TEXT,
    secret_hash TEXT NOT NULL,
    label TEXT,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    revoke_reason TEXT,
    revision INTEGER NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID`);
  db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${t}_by_owner`)} ON ${ident(t)} (owner_id, issued_at)`);
}

/**
 * Idempotent by stream revision: an issue never overwrites a row (a key's stream starts once), and
 * every change carries `revision < ?`, so an event at or below the row's revision changes nothing.
 */
function prepare(db: DatabaseSync, tables: TableNames<ApiKeyTable>): EventApplier {
  const t = ident(tables.api_keys);
  const insert = db.prepare(
    `INSERT INTO ${t} (key_id, owner_id, tier, scopes, guild_id, secret_hash, label, issued_at, revision, demo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING`,
  );
  const revoke = db.prepare(
    `UPDATE ${t} SET revoked_at = ?2, revoke_reason = ?3, revision = ?4 WHERE key_id = ?1 AND revision < ?4`,
  );
  const tier = db.prepare(`UPDATE ${t} SET tier = ?2, revision = ?3 WHERE key_id = ?1 AND revision < ?3`);
  const scopes = db.prepare(`UPDATE ${t} SET scopes = ?2, revision = ?3 WHERE key_id = ?1 AND revision < ?3`);

  const eraseLabels = db.prepare(`UPDATE ${t} SET label = ?2 WHERE owner_id = ?1 AND label IS NOT NULL`);

  return (event: RecordedEvent) => {
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'PersonalDataErased': {
        // Labels the owner wrote, already in plaintext here (the runner applies each position once).
        const d = (event as RecordedEvent<'PersonalDataErased', PersonalDataErased['data']>).data;
        eraseLabels.run(d.userId, ERASED_PERSONAL_DATA);
        return;
      }
      case 'ApiKeyIssued': {
        const d = (event as RecordedEvent<'ApiKeyIssued', ApiKeyIssued['data']>).data;
        insert.run(
          d.keyId,
          d.ownerId,
          d.tier,
          JSON.stringify(d.scopes),
          d.guildId,
          d.secretHash,
          d.label,
          at,
          event.revision,
          d.demo === true ? 1 : 0,
        );
        return;
      }
      case 'ApiKeyRevoked': {
        const d = (event as RecordedEvent<'ApiKeyRevoked', ApiKeyRevoked['data']>).data;
        revoke.run(d.keyId, at, d.reason, event.revision);
        return;
      }
      case 'ApiKeyTierChanged': {
        const d = (event as RecordedEvent<'ApiKeyTierChanged', ApiKeyTierChanged['data']>).data;
        tier.run(d.keyId, d.tier, event.revision);
        return;
      }
      case 'ApiKeyScopesChanged': {
        const d = (event as RecordedEvent<'ApiKeyScopesChanged', ApiKeyScopesChanged['data']>).data;
        scopes.run(d.keyId, JSON.stringify(d.scopes), event.revision);
        return;
      }
      default:
        return;
    }
  };
}

/** The `api_keys` read model: one row per key, as of its latest event; the authenticator reads it. */
export const apiKeysProjection: SqliteProjection<ApiKeyTable> = {
  name: 'apikeys',
  // 2: the demo marker.
  version: 2,
  filter: {
    streamPrefixes: ['apikey-', 'user-'],
    eventTypes: [...API_KEY_EVENT_TYPES, 'PersonalDataErased'],
  },
  tables: ['api_keys'],
  migrate,
  prepare,
};
