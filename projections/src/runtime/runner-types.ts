import type { DatabaseSync } from 'node:sqlite';
import type { EventStore } from '#eventstore';
import type { AnySqliteProjection } from './sqlite-projection';

/** What health checks and the CLI show for one projection. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Last applied global position, -1 before the first event. */
  readonly checkpoint: number;
  /** Newest position in the store, null when the store could not be asked. */
  readonly headPosition: number | null;
  /** `headPosition − checkpoint`, never negative; null when the head is unknown. */
  readonly lag: number | null;
  readonly caughtUp: boolean;
  readonly rebuilding: boolean;
  readonly lastError: string | null;
}

/** Where runner messages go; the lead wires the app logger in. */
export interface ProjectionLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: DatabaseSync;
  readonly projection: AnySqliteProjection;
  /** Events per subscription batch, hence per transaction. */
  readonly batchSize?: number;
  /** Events per readAll page during a rebuild. */
  readonly rebuildPageSize?: number;
  /** First delay before resubscribing after a failure; doubles up to 30 s. */
  readonly retryDelayMs?: number;
  readonly logger?: ProjectionLogger;
}
