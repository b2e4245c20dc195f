import { randomBytes } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { migrateDeliveryTables, type DeliveryRow, type RouteRow } from './delivery-tables';

export const newDeliveryId = (): string => `dlv_${randomBytes(12).toString('hex')}`;

/** What the reactor enqueues for one endpoint and one event (or a test, or a redelivery). */
export interface NewDelivery {
  readonly webhookId: string;
  readonly guildId: string;
  readonly messageId: string;
  readonly eventType: string;
  readonly eventPosition: number | null;
  readonly eventTime: string;
  readonly body: string;
}

/** An attempt's outcome as the dispatcher records it. */
export interface AttemptRecord {
  readonly at: number;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

/** Prepared statements over the delivery tables; every method is synchronous (callers own transactions). */
export class DeliveryStore {
  private readonly insertStmt: StatementSync;
  private readonly headStmt: StatementSync;
  private readonly enabledRoutesStmt: StatementSync;
  private readonly successStmt: StatementSync;
  private readonly retryStmt: StatementSync;
  private readonly failedStmt: StatementSync;
  private readonly disableRouteStmt: StatementSync;
  private readonly pageStmt: StatementSync;
  private readonly getStmt: StatementSync;
  private readonly pendingCountStmt: StatementSync;

  constructor(readonly db: DatabaseSync) {
    migrateDeliveryTables(db);
    this.insertStmt = db.prepare(
      `INSERT INTO webhook_deliveries (delivery_id, webhook_id, guild_id, message_id, event_type,
         event_position, event_time, body, status, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.headStmt = db.prepare(
      // The partial index by name: the planner otherwise prefers (webhook_id, seq) and walks every
      // delivered row in front of the head, which makes a long queue quadratic.
      `SELECT * FROM webhook_deliveries INDEXED BY webhook_deliveries_pending
       WHERE webhook_id = ? AND status = 'pending' ORDER BY seq LIMIT ?`,
    );
    this.enabledRoutesStmt = db.prepare('SELECT * FROM webhook_routes WHERE enabled = 1 ORDER BY webhook_id');
    this.successStmt = db.prepare(
      `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, next_attempt_at = NULL,
         last_attempt_at = ?, last_status_code = ?, last_duration_ms = ?, last_error = NULL, delivered_at = ?
       WHERE seq = ?`,
    );
    this.retryStmt = db.prepare(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?,
         first_failed_at = COALESCE(first_failed_at, ?), last_attempt_at = ?, last_status_code = ?,
         last_duration_ms = ?, last_error = ?
       WHERE seq = ?`,
    );
    this.failedStmt = db.prepare(
      `UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1, next_attempt_at = NULL,
         first_failed_at = COALESCE(first_failed_at, ?), last_attempt_at = ?, last_status_code = ?,
         last_duration_ms = ?, last_error = ?
       WHERE seq = ?`,
    );
    this.disableRouteStmt = db.prepare('UPDATE webhook_routes SET enabled = 0 WHERE webhook_id = ?');
    this.pageStmt = db.prepare(
      'SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.pendingCountStmt = db.prepare(
      `SELECT COUNT(*) AS n FROM webhook_deliveries INDEXED BY webhook_deliveries_pending WHERE status = 'pending'`,
    );
    this.getStmt = db.prepare('SELECT * FROM webhook_deliveries WHERE delivery_id = ? AND webhook_id = ?');
  }

  enqueue(delivery: NewDelivery, now: number, deliveryId = newDeliveryId()): string {
    this.insertStmt.run(
      deliveryId,
      delivery.webhookId,
      delivery.guildId,
      delivery.messageId,
      delivery.eventType,
      delivery.eventPosition,
      delivery.eventTime,
      delivery.body,
      now,
      now,
    );
    return deliveryId;
  }

  /** The endpoint's oldest messages not yet delivered, in order: only the first may be sent. */
  pending(webhookId: string, limit: number): DeliveryRow[] {
    return this.headStmt.all(webhookId, limit) as unknown as DeliveryRow[];
  }

  /** The endpoint's oldest message not yet delivered. */
  head(webhookId: string): DeliveryRow | undefined {
    return this.pending(webhookId, 1)[0];
  }

  enabledRoutes(): RouteRow[] {
    return this.enabledRoutesStmt.all() as unknown as RouteRow[];
  }

  delivered(seq: number, attempt: AttemptRecord): void {
    this.successStmt.run(attempt.at, attempt.statusCode, attempt.durationMs, attempt.at, seq);
  }

  retryAt(seq: number, nextAttemptAt: number, attempt: AttemptRecord): void {
    const { at, statusCode, durationMs, error } = attempt;
    this.retryStmt.run(nextAttemptAt, at, at, statusCode, durationMs, error, seq);
  }

  /** The schedule is spent: the message is given up and the endpoint stops receiving until re-enabled. */
  failed(seq: number, webhookId: string, attempt: AttemptRecord): void {
    const { at, statusCode, durationMs, error } = attempt;
    this.failedStmt.run(at, at, statusCode, durationMs, error, seq);
    this.disableRouteStmt.run(webhookId);
  }

  /** One page of an endpoint's deliveries, oldest first, after the `seq` cursor. */
  page(webhookId: string, after: number, limit: number): DeliveryRow[] {
    return this.pageStmt.all(webhookId, after, limit) as unknown as DeliveryRow[];
  }

  /** Messages not yet delivered, over every endpoint (health). */
  pendingCount(): number {
    return (this.pendingCountStmt.get() as { n: number }).n;
  }

  get(webhookId: string, deliveryId: string): DeliveryRow | undefined {
    return this.getStmt.get(deliveryId, webhookId) as DeliveryRow | undefined;
  }
}
