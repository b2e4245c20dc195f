import { DatabaseSync } from 'node:sqlite';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '#eventstore/sqlite/event-rows';

/**
 * The ceiling of a catch-up figure: every event of the store read in position order with `node:sqlite`
 * alone and decoded as the store decodes it (`toRecordedEvent`: JSON.parse of data and metadata), in
 * pages of `pageSize` — no subscription filter, no read-model writes, no checkpoint. The same page
 * cache size as the store's connection. Returns events per second.
 */
export function rawReadRate(file: string, pageSize: number): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    db.exec('PRAGMA cache_size = -65536');
    const page = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
    );
    let after = -1;
    let read = 0;
    const started = performance.now();
    for (;;) {
      const rows = page.all(after, pageSize) as unknown as EventRow[];
      if (rows.length === 0) break;
      const events = rows.map(toRecordedEvent);
      read += events.length;
      after = events[events.length - 1].position;
    }
    return read / ((performance.now() - started) / 1_000);
  } finally {
    db.close();
  }
}
