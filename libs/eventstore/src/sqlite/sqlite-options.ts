/** The values `durability` accepts, for validating configuration (e.g. `EVENTSTORE_SQLITE_DURABILITY`). */
export const SQLITE_DURABILITIES = ['full', 'normal'] as const;

/** How far an acknowledged append is safe: see {@link SqliteEventStoreOptions.durability}. */
export type SqliteDurability = (typeof SQLITE_DURABILITIES)[number];

export interface SqliteEventStoreOptions {
  /** Path of the database file, e.g. `${DATA_DIR}/events.sqlite`; `:memory:` for throwaway tests. */
  readonly file: string;
  /**
   * When an acknowledged append is safe. Default `full`. Both modes run the file in WAL mode, and in
   * neither can a crash corrupt it: at worst it reopens at an earlier commit.
   *
   * - `full` (`PRAGMA synchronous = FULL`): every commit fsyncs the WAL before its appends are
   *   acknowledged. An acknowledged append survives a process crash, an OS crash and a power loss.
   * - `normal` (`PRAGMA synchronous = NORMAL`): a commit returns once its WAL frames are written to the
   *   OS page cache; the WAL is fsynced only when it is checkpointed. An acknowledged append survives a
   *   crash of the process (SIGKILL, OOM kill, a fatal error), since the kernel already holds the frames
   *   and writes them out later, but the last acknowledged commits may be lost on a power loss or a
   *   kernel crash.
   */
  readonly durability?: SqliteDurability;
  /** How long an append waits for another process's write lock before failing. Default 5,000 ms. */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for commits made by another process. Default 50 ms. */
  readonly pollIntervalMs?: number;
  /** Most appends committed in one transaction. Default 1,000. */
  readonly maxGroupSize?: number;
  /** Checkpoint the WAL in a worker thread (default) rather than inside commits on the event loop. */
  readonly checkpointInWorker?: boolean;
}
