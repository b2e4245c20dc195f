import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { RecordedEvent } from '../envelope';
import type { SubscriptionFilter } from '../event-store.port';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows';
import { prefixRange } from './prefix-range';

export interface Page {
  readonly events: RecordedEvent[];
  /** Every position up to here has been looked at; the next page starts after it. */
  readonly scannedTo: number;
  /** True when the scan reached the head of `$all` as it was when the page was read. */
  readonly reachedHead: boolean;
}

/**
 * Pages through `$all` for one subscription, filtering in SQL. A filtered scan is bounded to a window of
 * positions so a rare match in a large store cannot block the event loop on one long query.
 */
export class FilteredReader {
  readonly filtered: boolean;
  private readonly page: StatementSync;
  private readonly head: StatementSync;
  private readonly params: SQLInputValue[];

  constructor(
    db: DatabaseSync,
    filter: SubscriptionFilter | undefined,
    private readonly limit: number,
    private readonly scanWindow = 10_000,
  ) {
    const clauses: string[] = [];
    this.params = [];
    const prefixes = filter?.streamPrefixes ?? [];
    if (prefixes.length > 0) {
      clauses.push(`(${prefixes.map((prefix) => this.prefixClause(prefix)).join(' OR ')})`);
    }
    const types = filter?.eventTypes ?? [];
    if (types.length > 0) {
      clauses.push(`type IN (${types.map(() => '?').join(', ')})`);
      this.params.push(...types);
    }
    this.filtered = clauses.length > 0;
    const where = ['position > ?', 'position <= ?', ...clauses].join(' AND ');
    this.page = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY position LIMIT ?`);
    this.head = db.prepare('SELECT coalesce(max(position), -1) AS head FROM events');
  }

  /**
   * A range of ids where the prefix has one (see prefixRange); otherwise substr/length, which count
   * characters on both sides. LIKE would need escaping and is case-insensitive.
   */
  private prefixClause(prefix: string): string {
    const range = prefixRange(prefix);
    if (!range) {
      this.params.push(prefix, prefix);
      return 'substr(stream_id, 1, length(?)) = ?';
    }
    this.params.push(range.from);
    if (range.to === undefined) return 'stream_id >= ?';
    this.params.push(range.to);
    return '(stream_id >= ? AND stream_id < ?)';
  }

  read(after: number): Page {
    const head = (this.head.get() as { head: number }).head;
    if (head <= after) return { events: [], scannedTo: after, reachedHead: true };
    const upTo = this.filtered ? Math.min(head, after + this.scanWindow) : head;
    const rows = this.page.all(after, upTo, ...this.params, this.limit) as unknown as EventRow[];
    const events = rows.map(toRecordedEvent);
    if (rows.length === this.limit) {
      const scannedTo = rows[rows.length - 1].position;
      return { events, scannedTo, reachedHead: scannedTo >= head };
    }
    return { events, scannedTo: upTo, reachedHead: upTo >= head };
  }
}
