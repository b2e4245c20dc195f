import type { DatabaseSync } from 'node:sqlite';

/**
 * The webhook module's operational tables in the read-model database. Unlike a projection's tables they
 * are never rebuilt from zero: delivery attempts are not events, and replaying would send everything
 * again. `webhook_routes` is the reactor's own copy of the endpoints as of its checkpoint, so an event
 * is matched against the endpoints that existed when it happened.
 */
export function migrateDeliveryTables(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS webhook_routes (
    webhook_id TEXT PRIMARY KEY,
    guild_id TEXT NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_expires_at INTEGER
  ) WITHOUT ROWID`);
  db.exec('CREATE INDEX IF NOT EXISTS webhook_routes_by_guild ON webhook_routes (guild_id)');
  db.exec(`CREATE TABLE IF NOT EXISTS webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL UNIQUE,
    webhook_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    event_position INTEGER,
    event_time TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    first_failed_at INTEGER,
    last_attempt_at INTEGER,
    last_status_code INTEGER,
    last_duration_ms INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
  )`);
  // The dispatcher's hot lookup: an endpoint's oldest undelivered message.
  db.exec(`CREATE INDEX IF NOT EXISTS webhook_deliveries_pending
    ON webhook_deliveries (webhook_id, seq) WHERE status = 'pending'`);
  db.exec('CREATE INDEX IF NOT EXISTS webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq)');
}

/** A delivery row as the dispatcher and the deliveries API read it. */
export interface DeliveryRow {
  readonly seq: number;
  readonly delivery_id: string;
  readonly webhook_id: string;
  readonly guild_id: string;
  readonly message_id: string;
  readonly event_type: string;
  readonly event_position: number | null;
  readonly event_time: string;
  readonly body: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly next_attempt_at: number | null;
  readonly first_failed_at: number | null;
  readonly last_attempt_at: number | null;
  readonly last_status_code: number | null;
  readonly last_duration_ms: number | null;
  readonly last_error: string | null;
  readonly created_at: number;
  readonly delivered_at: number | null;
}

/** `pending` (waiting or retrying), `delivered` (2xx), `failed` (schedule spent), `cancelled` (endpoint deleted). */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface RouteRow {
  readonly webhook_id: string;
  readonly guild_id: string;
  readonly url: string;
  readonly events: string;
  readonly enabled: number;
  readonly secret: string;
  readonly previous_secret: string | null;
  readonly previous_secret_expires_at: number | null;
}
