import type { AnalyticsClient } from '#analytics';
import type { EventStore } from '#eventstore';
import { matchesFilter } from '../runtime/sqlite-projection';
import {
  batchToken,
  readCheckpoint,
  writeCheckpoint,
  type AnalyticsCheckpoint,
} from './analytics-checkpoint';
import { ANALYTICS_FILTER, toRows, type AnalyticsRows } from './usage-rows';

export const emptyRows = (): AnalyticsRows => ({ usage: [], tracks: [] });

const USAGE_COLUMNS = [
  'guild_id',
  'ts',
  'kind',
  'category',
  'name',
  'user_id',
  'value',
  'door',
  'event_id',
  'position',
] as const;
const TRACK_COLUMNS = ['guild_id', 'track_id', 'identifier', 'title', 'author', 'requested_by'] as const;

/**
 * Inserts one batch into every table it touches, each under the batch's token. Retrying the same batch
 * with the same token writes nothing that already landed, in the tables or in their rollups.
 * Rows go as JSONCompactEachRow (arrays, no repeated keys): half the bytes to parse of JSONEachRow.
 */
export async function insertBatch(
  analytics: AnalyticsClient,
  rows: AnalyticsRows,
  token: string,
): Promise<void> {
  const settings = {
    insert_deduplicate: 1,
    insert_deduplication_token: token,
    deduplicate_blocks_in_dependent_materialized_views: 1,
  };
  // Tracks first: a play is only ever counted after what it played is known.
  await insertRows(analytics, 'tracks', TRACK_COLUMNS, rows.tracks, settings);
  await insertRows(analytics, 'usage_events', USAGE_COLUMNS, rows.usage, settings);
}

async function insertRows<R extends object>(
  analytics: AnalyticsClient,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
  settings: Record<string, string | number>,
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = rows.map((row) => columns.map((c) => row[c]));
  if (analytics.rawInsert) {
    const values = arrays.map((a) => JSON.stringify(a)).join('\n');
    await analytics.rawInsert({ table, columns, format: 'JSONCompactEachRow', values, settings });
    return;
  }
  await analytics.client.insert({
    table,
    values: arrays,
    columns: [...columns] as unknown as [string, ...string[]],
    format: 'JSONCompactEachRow',
    clickhouse_settings: settings,
  });
}

/** The rows of every analytics event in `(from, to]`, read back from the store in `$all` order. */
export async function rowsInRange(
  store: EventStore,
  from: number,
  to: number,
  pageSize = 5_000,
): Promise<AnalyticsRows> {
  const rows = emptyRows();
  let after = from;
  while (after < to) {
    const page = await store.readAll({ after: after === -1 ? undefined : after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > to) return rows;
      if (matchesFilter(ANALYTICS_FILTER, event)) toRows(event, rows);
    }
    after = page[page.length - 1].position;
  }
  return rows;
}

/**
 * Reads the checkpoint; when the last run stopped inside a batch, inserts exactly that batch again
 * under its own token and confirms it. Returns the checkpoint to resume from.
 */
export async function recoverPending(
  analytics: AnalyticsClient,
  store: EventStore,
  name: string,
): Promise<AnalyticsCheckpoint> {
  const checkpoint = await readCheckpoint(analytics.client, name);
  if (checkpoint.pending <= checkpoint.confirmed) return checkpoint;
  const { confirmed: from, pending: to } = checkpoint;
  await insertBatch(analytics, await rowsInRange(store, from, to), batchToken(checkpoint, from, to));
  const recovered = { ...checkpoint, seq: checkpoint.seq + 1, confirmed: to };
  await writeCheckpoint(analytics.client, name, recovered);
  return recovered;
}
