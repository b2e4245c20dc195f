import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { WebhookEvent } from '#domain';

/**
 * Applies the webhook stream's events to the reactor's `webhook_routes`, inside the reactor's
 * transaction: idempotent (an upsert, updates by id), so replaying a batch after a crash changes nothing.
 */
export class RouteChanges {
  private readonly upsert: StatementSync;
  private readonly setUrl: StatementSync;
  private readonly setEvents: StatementSync;
  private readonly setEnabled: StatementSync;
  private readonly rotate: StatementSync;
  private readonly remove: StatementSync;
  private readonly cancelPending: StatementSync;

  constructor(db: DatabaseSync) {
    this.upsert = db.prepare(
      `INSERT INTO webhook_routes (webhook_id, guild_id, url, events, enabled, secret)
       VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (webhook_id) DO UPDATE SET url = excluded.url, events = excluded.events,
         secret = excluded.secret`,
    );
    this.setUrl = db.prepare('UPDATE webhook_routes SET url = ? WHERE webhook_id = ?');
    this.setEvents = db.prepare('UPDATE webhook_routes SET events = ? WHERE webhook_id = ?');
    this.setEnabled = db.prepare('UPDATE webhook_routes SET enabled = ? WHERE webhook_id = ?');
    // Idempotent on replay: the previous secret is only taken from a route not yet holding the new one.
    this.rotate = db.prepare(
      `UPDATE webhook_routes SET previous_secret = secret, previous_secret_expires_at = ?, secret = ?
       WHERE webhook_id = ? AND secret <> ?`,
    );
    this.remove = db.prepare('DELETE FROM webhook_routes WHERE webhook_id = ?');
    this.cancelPending = db.prepare(
      `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL
       WHERE webhook_id = ? AND status = 'pending'`,
    );
  }

  apply(event: WebhookEvent): void {
    const { webhookId } = event.data;
    switch (event.type) {
      case 'WebhookEndpointCreated': {
        const { guildId, url, events, secret } = event.data;
        this.upsert.run(webhookId, guildId, url, JSON.stringify(events), secret);
        return;
      }
      case 'WebhookEndpointUpdated': {
        const { url, events, enabled } = event.data.changes;
        if (url !== undefined) this.setUrl.run(url, webhookId);
        if (events !== undefined) this.setEvents.run(JSON.stringify(events), webhookId);
        if (enabled !== undefined) this.setEnabled.run(enabled ? 1 : 0, webhookId);
        return;
      }
      case 'WebhookSecretRotated': {
        const { secret, previousSecretExpiresAt } = event.data;
        this.rotate.run(Date.parse(previousSecretExpiresAt), secret, webhookId, secret);
        return;
      }
      case 'WebhookEndpointDisabled':
        this.setEnabled.run(0, webhookId);
        return;
      case 'WebhookEndpointDeleted':
        this.remove.run(webhookId);
        this.cancelPending.run(webhookId);
        return;
    }
  }
}
