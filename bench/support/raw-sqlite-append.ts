import type { NewEvent, SqliteDurability } from '#eventstore';
import { openDatabase } from '#eventstore/sqlite/schema';
import { WalCheckpointer } from '#eventstore/sqlite/wal-checkpointer';

/** Appends by writer: `workload[writer][n]` is that writer's n-th append, all to its own stream. */
export type AppendWorkload = readonly (readonly (readonly NewEvent[])[])[];

export const eventsIn = (workload: AppendWorkload): number =>
  workload.reduce((sum, appends) => sum + appends.reduce((n, events) => n + events.length, 0), 0);

/**
 * The ceiling of an append figure: the same rows written with `node:sqlite` alone — the store's own
 * file layout, pragmas and durability (`openDatabase`), the same JSON encoding of data and metadata,
 * the same transaction grouping the store's group commit reaches (the n-th append of every writer in
 * one transaction), and the same WAL checkpoints: the store's own checkpointer worker on the file, on
 * its schedule. A writer that never checkpoints grows its WAL without bound and defers the copy into
 * the database file past the clock; the store cannot, so neither does its ceiling. What the ceiling
 * leaves out is the store's own per-append work: the expected-revision check, the savepoint and the
 * promise. Returns events per second.
 */
export async function rawAppendRate(
  file: string,
  durability: SqliteDurability,
  workload: AppendWorkload,
): Promise<number> {
  const busyTimeoutMs = 5_000;
  const db = openDatabase({ file, busyTimeoutMs, autoCheckpoint: false, durability });
  let failure: unknown;
  const checkpointer = new WalCheckpointer({ file, busyTimeoutMs, onFailure: (error) => (failure = error) });
  let rate: number;
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
    rate = eventsIn(workload) / ((performance.now() - started) / 1_000);
  } finally {
    await checkpointer.close();
    db.close();
  }
  // A ceiling whose checkpointer died did less work than the store: no figure rather than a wrong one.
  if (failure !== undefined) throw new Error('the WAL checkpointer failed', { cause: failure });
  return rate;
}
