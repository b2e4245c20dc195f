import type { NewEvent, SqliteDurability } from '#eventstore';
import { openDatabase } from '#eventstore/sqlite/schema';

/** Appends by writer: `workload[writer][n]` is that writer's n-th append, all to its own stream. */
export type AppendWorkload = readonly (readonly (readonly NewEvent[])[])[];

export const eventsIn = (workload: AppendWorkload): number =>
  workload.reduce((sum, appends) => sum + appends.reduce((n, events) => n + events.length, 0), 0);

/**
 * The ceiling of an append figure: the same rows written with `node:sqlite` alone — the store's own
 * file layout, pragmas and durability (`openDatabase`), the same JSON encoding of data and metadata,
 * and the same transaction grouping the store's group commit reaches (the n-th append of every writer
 * in one transaction) — but no expected-revision check, no savepoint, no promise and no checkpoint.
 * Returns events per second.
 */
export function rawAppendRate(file: string, durability: SqliteDurability, workload: AppendWorkload): number {
  const db = openDatabase({ file, busyTimeoutMs: 5_000, autoCheckpoint: false, durability });
  try {
    const insert = db.prepare(
      `INSERT INTO events
         (position, stream_id, revision, event_id, append_start, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    const streams = workload.map((_, writer) => `usage-raw-${writer}`);
    const revisions = workload.map(() => 0);
    const appends = Math.max(...workload.map((appendsOfWriter) => appendsOfWriter.length));
    let position = 0;
    const started = performance.now();
    for (let n = 0; n < appends; n++) {
      begin.run();
      const recordedAt = new Date().toISOString();
      workload.forEach((appendsOfWriter, writer) => {
        const events = appendsOfWriter[n] ?? [];
        events.forEach((event, i) => {
          insert.run(
            position++,
            streams[writer],
            revisions[writer]++,
            event.id,
            i === 0 ? 1 : 0,
            event.type,
            event.schemaVersion,
            JSON.stringify(event.data ?? null),
            JSON.stringify(event.metadata),
            recordedAt,
          );
        });
      });
      commit.run();
    }
    return eventsIn(workload) / ((performance.now() - started) / 1_000);
  } finally {
    db.close();
  }
}
