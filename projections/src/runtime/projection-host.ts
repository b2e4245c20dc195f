import type { DatabaseSync } from 'node:sqlite';
import type { EventStore } from '#eventstore';
import { openReadModelDb } from './readmodel-db';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionLogger, ProjectionStatus } from './runner-types';
import type { RebuildProgress } from './rebuild';
import type { AnySqliteProjection } from './sqlite-projection';

export interface ProjectionHostOptions {
  readonly store: EventStore;
  readonly projections: readonly AnySqliteProjection[];
  /** Where `readmodels.sqlite` lives; or pass an opened `db` (tests, `:memory:`). */
  readonly dataDir?: string;
  readonly db?: DatabaseSync;
  readonly batchSize?: number;
  readonly rebuildPageSize?: number;
  readonly retryDelayMs?: number;
  readonly logger?: ProjectionLogger;
}

/**
 * Owns the process's read-model database and one runner per projection. Query classes take `db`.
 * Plain class: the Nest module wraps it (start on bootstrap, stop on shutdown, status in health).
 */
export class ProjectionHost {
  readonly db: DatabaseSync;
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly ownsDb: boolean;

  constructor(options: ProjectionHostOptions) {
    if (!options.db && !options.dataDir) throw new Error('ProjectionHost needs a dataDir or a db');
    this.ownsDb = !options.db;
    this.db = options.db ?? openReadModelDb({ dataDir: options.dataDir as string });
    for (const projection of options.projections) {
      if (this.runners.has(projection.name)) throw new Error(`Two projections named ${projection.name}`);
      this.runners.set(
        projection.name,
        new ProjectionRunner({
          store: options.store,
          db: this.db,
          projection,
          batchSize: options.batchSize,
          rebuildPageSize: options.rebuildPageSize,
          retryDelayMs: options.retryDelayMs,
          logger: options.logger,
        }),
      );
    }
  }

  /** Names of the hosted projections, in registration order. */
  names(): string[] {
    return [...this.runners.keys()];
  }

  runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`Unknown projection ${name}; known: ${this.names().join(', ')}`);
    return runner;
  }

  async start(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
  }

  /** Stops every runner, then closes the database if the host opened it. */
  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    if (this.ownsDb && this.db.isOpen) this.db.close();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  /**
   * Rebuilds one projection from position 0 and swaps it in; resolves with the number of events read.
   * Works on a host that was never started (the CLI) while another process keeps the projection live.
   */
  async rebuild(name: string, onProgress?: RebuildProgress): Promise<number> {
    return (await this.runner(name).rebuild(onProgress)).eventsRead;
  }

  /** Resolves true once projection `name` has applied `position` (read-your-writes), false after `timeoutMs`. */
  waitForPosition(name: string, position: number, timeoutMs: number): Promise<boolean> {
    return this.runner(name).waitForPosition(position, timeoutMs);
  }
}
