import { inTransaction } from '#projections';
import type { AttemptRecord, DeliveryStore } from './delivery-store';
import type { DeliveryRow } from './delivery-tables';

/** Rows read ahead per endpoint: one indexed query per this many deliveries of a busy endpoint. */
const READ_AHEAD = 64;

/**
 * The dispatcher's view of the delivery table, built for throughput: each endpoint's next messages are
 * read ahead in one query, and successes are written back by `flush`, which the dispatcher calls
 * before it sends an endpoint's next message, so a crash can only repeat the message that was out,
 * never an older one after a newer. Failures are written at once: they decide when the next attempt is.
 */
export class DeliveryQueue {
  private readonly ahead = new Map<string, DeliveryRow[]>();
  private successes: { seq: number; attempt: AttemptRecord }[] = [];

  constructor(readonly store: DeliveryStore) {}

  /** The endpoint's oldest undelivered message (its attempt count and next time as last recorded). */
  head(webhookId: string): DeliveryRow | undefined {
    let rows = this.ahead.get(webhookId);
    if (!rows || rows.length === 0) {
      // Successes still in memory would come back as pending: write them first.
      this.flush();
      rows = this.store.pending(webhookId, READ_AHEAD);
      this.ahead.set(webhookId, rows);
    }
    return rows[0];
  }

  delivered(webhookId: string, seq: number, attempt: AttemptRecord): void {
    const rows = this.ahead.get(webhookId);
    if (rows?.[0]?.seq === seq) rows.shift();
    this.successes.push({ seq, attempt });
  }

  retryAt(webhookId: string, seq: number, nextAttemptAt: number, attempt: AttemptRecord): void {
    this.ahead.delete(webhookId);
    this.flush();
    this.store.retryAt(seq, nextAttemptAt, attempt);
  }

  failed(webhookId: string, seq: number, attempt: AttemptRecord): void {
    this.ahead.delete(webhookId);
    this.flush();
    this.store.failed(seq, webhookId, attempt);
  }

  /** Drops what was read ahead for endpoints no longer enabled (deleted ones' rows were cancelled). */
  retain(webhookIds: ReadonlySet<string>): void {
    for (const id of this.ahead.keys()) if (!webhookIds.has(id)) this.ahead.delete(id);
  }

  /** Drops every row read ahead, so the next head is read again from the table (bodies were rewritten). */
  forgetReadAhead(): void {
    this.ahead.clear();
  }

  /** Writes the recorded successes in one transaction. */
  flush(): void {
    if (this.successes.length === 0) return;
    const batch = this.successes;
    this.successes = [];
    inTransaction(this.store.db, () => {
      for (const { seq, attempt } of batch) this.store.delivered(seq, attempt);
    });
  }
}
