import type { ClickHouseClient } from '@clickhouse/client';

/**
 * The projector's progress, kept in ClickHouse beside the rows it describes. `pending` > `confirmed`
 * means a batch (confirmed, pending] was being inserted when the process stopped: it may have landed
 * in full, in part or not at all, and is re-inserted as the same batch with the same token.
 */
export interface AnalyticsCheckpoint {
  readonly seq: number;
  readonly generation: number;
  readonly confirmed: number;
  readonly pending: number;
}

export const INITIAL_CHECKPOINT: AnalyticsCheckpoint = { seq: 0, generation: 1, confirmed: -1, pending: -1 };

export async function readCheckpoint(client: ClickHouseClient, name: string): Promise<AnalyticsCheckpoint> {
  const rows = await (
    await client.query({
      query: `SELECT seq, generation, confirmed, pending FROM analytics_checkpoints
              WHERE name = {name:String} ORDER BY seq DESC LIMIT 1`,
      query_params: { name },
      format: 'JSONEachRow',
    })
  ).json<AnalyticsCheckpoint>();
  return rows[0] ?? INITIAL_CHECKPOINT;
}

export async function writeCheckpoint(
  client: ClickHouseClient,
  name: string,
  checkpoint: AnalyticsCheckpoint,
): Promise<void> {
  await client.insert({
    table: 'analytics_checkpoints',
    values: [{ name, ...checkpoint, updated_at: new Date().toISOString() }],
    format: 'JSONEachRow',
  });
}

/** The token of a batch: the same range in the same generation is the same batch, whatever retries it. */
export const batchToken = (checkpoint: AnalyticsCheckpoint, from: number, to: number): string =>
  `analytics:${checkpoint.generation}:${from}:${to}`;
