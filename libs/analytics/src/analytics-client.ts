import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseSettings,
} from '@clickhouse/client';
import { AnalyticsUnavailableError } from './analytics-errors';

/**
 * Settings sent with every request, on both connections, so chDB and a server give the same JSON:
 * 64-bit integers as JSON numbers (only counts leave the store as integers; ids go out via toString),
 * ISO-ish times accepted on insert.
 */
export const ANALYTICS_SETTINGS: ClickHouseSettings = {
  output_format_json_quote_64bit_integers: 0,
  output_format_json_quote_64bit_floats: 0,
  output_format_json_quote_decimals: 0,
  date_time_input_format: 'best_effort',
};

export interface AnalyticsClientOptions {
  /** A ClickHouse server (`http://host:8123`); unset means embedded chDB under `dataDir/analytics`. */
  readonly url?: string;
  readonly dataDir: string;
  /** Per-request time limit: past it the analytics answer 503 instead of holding the request. */
  readonly timeoutMs: number;
}

/** Rows already serialised in a line format, handed to chDB's own parser without a copy. */
export interface RawInsert {
  readonly table: string;
  readonly columns: readonly string[];
  readonly format: 'JSONCompactEachRow';
  readonly values: string;
  readonly settings: Record<string, string | number>;
}

/** One `@clickhouse/client` over either connection; the SQL is the same. */
export interface AnalyticsClient {
  readonly client: ClickHouseClient;
  readonly kind: 'chdb' | 'server';
  readonly timeoutMs: number;
  /**
   * chDB only: the connection's raw insert (chDB's multithreaded parser, zero-copy), about twice the
   * rate of the client's insert path; same table, same format, same settings.
   */
  readonly rawInsert?: (insert: RawInsert) => Promise<unknown>;
  close(): Promise<void>;
}

type ChdbForClient = NonNullable<Parameters<typeof createClient>[0]>['connection'];

interface SharedChdb {
  client: ClickHouseClient;
  rawInsert: (insert: RawInsert) => Promise<unknown>;
  users: number;
}

/**
 * chDB binds one data directory per process, and two connections on one path share it; the handles
 * are counted so two apps in one process (tests) close it only when the last one goes.
 */
const embedded = new Map<string, SharedChdb>();

export function openAnalyticsClient(options: AnalyticsClientOptions): AnalyticsClient {
  if (options.url) {
    const client = createClient({
      url: options.url,
      request_timeout: options.timeoutMs,
      clickhouse_settings: ANALYTICS_SETTINGS,
      // Failures surface as AnalyticsUnavailableError and in health; the client's own log would repeat them.
      log: { level: ClickHouseLogLevel.OFF },
    });
    return { client, kind: 'server', timeoutMs: options.timeoutMs, close: () => client.close() };
  }
  const path = join(options.dataDir, 'analytics');
  let shared = embedded.get(path);
  if (!shared) {
    mkdirSync(path, { recursive: true });
    // Required lazily: a process that never opens the embedded store never loads the native engine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createChdbConnection } = require('chdb/connection') as typeof import('chdb/connection');
    const connection = createChdbConnection({ path });
    const client = createClient({
      // chdb ships its own copy of the client-common types; the shapes match, the nominal types do not.
      connection: connection as unknown as ChdbForClient,
      clickhouse_settings: ANALYTICS_SETTINGS,
    });
    shared = { client, rawInsert: (insert) => connection.chdb.rawInsert(insert), users: 0 };
    embedded.set(path, shared);
  }
  shared.users++;
  const handle = shared;
  let closed = false;
  return {
    client: handle.client,
    kind: 'chdb',
    timeoutMs: options.timeoutMs,
    rawInsert: handle.rawInsert,
    async close() {
      if (closed) return;
      closed = true;
      if (--handle.users > 0) return;
      embedded.delete(path);
      await handle.client.close();
      // A next open at another path (the next test's data directory) must wait for the engine to let go.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      await (require('chdb') as { drainPending?: () => Promise<void> }).drainPending?.();
    },
  };
}

/**
 * Runs one analytics request within the time limit; any failure (refused, timed out, engine error)
 * becomes AnalyticsUnavailableError, so callers answer 503 and the rest of the API is untouched.
 */
export async function withinLimit<T>(analytics: AnalyticsClient, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new AnalyticsUnavailableError(`analytics store did not answer in ${analytics.timeoutMs} ms`)),
      analytics.timeoutMs,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof AnalyticsUnavailableError) throw error;
    throw new AnalyticsUnavailableError(`analytics store failed: ${(error as Error)?.message ?? error}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
