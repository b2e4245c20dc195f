/** What every command answers: where its events landed, so reads can wait for them. */
export interface CommandResult {
  /** Types of the events the command caused; empty when it changed nothing. */
  readonly eventTypes: readonly string[];
  /** Revision of the stream after the command (-1 when the stream still does not exist). */
  readonly revision: number;
  /** Global position of the last event written, or undefined when nothing was written. */
  readonly position: number | undefined;
}
