import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected: somebody else wrote first. */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, -1 when it does not exist, undefined when the store did not say. */
    readonly actual: number | undefined,
  ) {
    super(`Stream ${streamId} expected at ${String(expected)}, actually at ${actual ?? 'unknown'}`);
  }
}

/** The event store could not be reached or failed; callers answer 503 rather than 500. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
