import type { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent } from '#eventstore';
import { ident } from '../runtime/readmodel-db';
import type { SqliteProjection } from '../runtime/sqlite-projection';

/**
 * Counts how often each position was applied, deliberately NOT idempotent, so a test can see an event
 * applied twice. `failAt` makes apply throw at that position while set, to simulate a crash mid-batch.
 */
export function countingProjection(
  options: { name?: string; version?: number; failAt?: () => number | undefined } = {},
) {
  const projection: SqliteProjection<'applied'> = {
    name: options.name ?? 'counting',
    version: options.version ?? 1,
    filter: {},
    tables: ['applied'],
    migrate(db, tables) {
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${ident(tables.applied)} (position INTEGER PRIMARY KEY, times INTEGER NOT NULL)`,
      );
    },
    prepare(db, tables) {
      const insert = db.prepare(
        `INSERT INTO ${ident(tables.applied)} (position, times) VALUES (?, 1)
         ON CONFLICT (position) DO UPDATE SET times = times + 1`,
      );
      return (event: RecordedEvent) => {
        if (options.failAt?.() === event.position) throw new Error(`boom at ${event.position}`);
        insert.run(event.position);
      };
    },
  };
  return projection;
}

/** Rows of the counting table: how many positions were applied, and whether any was applied twice. */
export function countingSummary(db: DatabaseSync, table = 'applied'): { count: number; maxTimes: number } {
  const row = db
    .prepare(`SELECT count(*) AS count, coalesce(max(times), 0) AS maxTimes FROM ${ident(table)}`)
    .get() as {
    count: number;
    maxTimes: number;
  };
  return { count: row.count, maxTimes: row.maxTimes };
}
