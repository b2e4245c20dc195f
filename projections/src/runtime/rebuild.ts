import type { DatabaseSync } from 'node:sqlite';
import type { EventStore } from '#eventstore';
import { CheckpointStore, NO_CHECKPOINT } from './checkpoint-store';
import { ident, inTransaction } from './readmodel-db';
import {
  liveTables,
  matchesFilter,
  pageApplierOf,
  shadowTables,
  type AnySqliteProjection,
  type TableNames,
} from './sqlite-projection';

/** Reports rebuild progress in positions: `done` of `total`, for a progress bar. */
export type RebuildProgress = (done: number, total: number) => void;

export interface RebuildOptions {
  readonly db: DatabaseSync;
  readonly store: EventStore;
  readonly projection: AnySqliteProjection;
  readonly checkpoints: CheckpointStore;
  readonly pageSize: number;
  readonly onProgress?: RebuildProgress;
  /** Polled between pages so a shutdown does not wait for a long replay. */
  readonly cancelled?: () => boolean;
}

export interface RebuildResult {
  /** Position the new tables are complete up to; it is also the projection's new checkpoint. */
  readonly position: number;
  /** Events read from the store, matching or not. */
  readonly eventsRead: number;
}

export class RebuildCancelledError extends Error {
  override readonly name = 'RebuildCancelledError';
}

/**
 * Replays the whole store into shadow tables while the live tables keep being served and updated,
 * then swaps them in with one transaction.
 *
 * The swap is only committed when the shadow tables have reached the live checkpoint as read inside
 * that transaction: the live subscription never redelivers what it already applied, so a shadow that
 * was behind would silently miss those events. When the live side got ahead (this process or another
 * sharing the file), the loop reads the difference and tries again.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { db, store, projection, checkpoints, pageSize, onProgress, cancelled } = options;
  const shadow = shadowTables(projection);
  const live = liveTables(projection);
  inTransaction(db, () => {
    dropTables(db, shadow);
    projection.migrate(db, shadow);
  });
  const apply = pageApplierOf(projection.prepare(db, shadow));
  // Replay up to the head as it is now; what arrives meanwhile is the live runner's job until the swap.
  const target = await store.headPosition();
  let total = target + 1;
  let position = NO_CHECKPOINT;
  let eventsRead = 0;
  const catchUpTo = async (until: number): Promise<void> => {
    while (position < until) {
      if (cancelled?.()) throw new RebuildCancelledError(`rebuild of ${projection.name} cancelled`);
      const page = await store.readAll({
        after: position === NO_CHECKPOINT ? undefined : position,
        maxCount: pageSize,
      });
      if (page.length === 0) return;
      eventsRead += page.length;
      // One transaction per page keeps the write lock short, so live runners interleave.
      inTransaction(db, () => {
        apply(page.filter((event) => matchesFilter(projection.filter, event)));
      });
      position = page[page.length - 1].position;
      total = Math.max(total, position + 1);
      onProgress?.(position + 1, total);
    }
  };

  await catchUpTo(target);
  for (;;) {
    const liveAhead = inTransaction(db, () => {
      const liveCheckpoint = checkpoints.read(projection.name)?.position ?? NO_CHECKPOINT;
      if (liveCheckpoint > position) return liveCheckpoint;
      dropTables(db, live);
      for (const logical of projection.tables) {
        db.exec(`ALTER TABLE ${ident(shadow[logical])} RENAME TO ${ident(live[logical])}`);
        // Renaming keeps the shadow's index names; recreate them under the live names so the next
        // rebuild's shadow indexes cannot collide with them.
        dropIndexes(db, live[logical]);
      }
      projection.migrate(db, live);
      checkpoints.write(projection.name, { position, version: projection.version });
      return undefined;
    });
    if (liveAhead === undefined) break;
    // The live side applied events the replay has not read yet (this process or another sharing the
    // file): read up to its checkpoint and try again.
    const before = position;
    await catchUpTo(liveAhead);
    if (position === before)
      throw new Error(`rebuild of ${projection.name}: store ends at ${position}, live is at ${liveAhead}`);
  }
  onProgress?.(Math.max(total, position + 1), Math.max(total, position + 1));
  return { position, eventsRead };
}

function dropTables(db: DatabaseSync, tables: TableNames): void {
  for (const table of Object.values(tables)) db.exec(`DROP TABLE IF EXISTS ${ident(table)}`);
}

function dropIndexes(db: DatabaseSync, table: string): void {
  const indexes = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as { name: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${ident(name)}`);
}
