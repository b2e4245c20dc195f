/** A read asked for a position its read model did not reach in time: answering would be stale data. */
export class ReadModelBehindError extends Error {
  override readonly name = 'ReadModelBehindError';
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly timeoutMs: number,
  ) {
    super(
      `the ${projection} read model did not reach position ${position} within ${timeoutMs} ms; retry later`,
    );
  }
}

/**
 * How long a read waits for its read model: a number is a minimum position the caller demands (the
 * `X-Guildhall-Min-Position` header): not reached in time, the read is refused. `afterWrite` is the
 * answer to one's own write: wait for it, then answer with what there is, since the write is done.
 */
export type MinPosition = number | { readonly afterWrite: number | undefined };

/** The read that answers a write: waits for the write's position, never refuses. */
export const afterWrite = (position: number | undefined): MinPosition => ({ afterWrite: position });

/**
 * Port through which reads wait for a projection to reach a position (read-your-writes).
 * The projections module implements it; a process without projections answers immediately.
 */
export abstract class ReadModelFreshness {
  /** Resolves true once `projection` has applied `position`, false when `timeoutMs` passes first. */
  abstract waitFor(projection: string, position: number, timeoutMs: number): Promise<boolean>;

  /**
   * For a read that named a minimum position: waits for it, and refuses with ReadModelBehindError
   * when it is not reached in time, so a caller never takes stale data for fresh.
   */
  async require(projection: string, position: MinPosition | undefined, timeoutMs: number): Promise<void> {
    if (position === undefined) return;
    if (typeof position !== 'number') {
      if (position.afterWrite !== undefined) await this.waitFor(projection, position.afterWrite, timeoutMs);
      return;
    }
    if (!(await this.waitFor(projection, position, timeoutMs))) {
      throw new ReadModelBehindError(projection, position, timeoutMs);
    }
  }
}
