import type { ClickHouseClient } from '@clickhouse/client';
import type { EventStore } from '#eventstore';
import { matchesFilter } from '../runtime/sqlite-projection';
import { ANALYTICS_FILTER, toRows, type AnalyticsRows } from './usage-rows';

export const emptyRows = (): AnalyticsRows => ({ usage: [], tracks: [] });

/**
 * Inserts one batch into every table it touches, each under the batch's token. Retrying the same batch
 * with the same token writes nothing that already landed, in the tables or in their rollups.
 */
export async function insertBatch(client: ClickHouseClient, rows: AnalyticsRows, token: string): Promise<void> {
  const settings = {
    insert_deduplicate: 1,
    insert_deduplication_token: token,
    deduplicate_blocks_in_dependent_materialized_views: 1,
  } as const;
  // Tracks first: a play is only ever counted after what it played is known.
  if (rows.tracks.length > 0) {
    await client.insert({ table: 'tracks', values: rows.tracks, format: 'JSONEachRow', clickhouse_settings: settings });
  }
  if (rows.usage.length > 0) {
    await client.insert({
      table: 'usage_events',
      values: rows.usage,
      format: 'JSONEachRow',
      clickhouse_settings: settings,
    });
  }
}

/** The rows of every analytics event in `(from, to]`, read back from the store in `$all` order. */
export async function rowsInRange(store: EventStore, from: number, to: number, pageSize = 5_000): Promise<AnalyticsRows> {
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
