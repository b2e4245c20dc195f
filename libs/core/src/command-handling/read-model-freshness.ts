/**
 * Port through which reads wait for a projection to reach a position (read-your-writes).
 * The projections module implements it; a process without projections answers immediately.
 */
export abstract class ReadModelFreshness {
  /** Resolves true once `projection` has applied `position`, false when `timeoutMs` passes first. */
  abstract waitFor(projection: string, position: number, timeoutMs: number): Promise<boolean>;
}
