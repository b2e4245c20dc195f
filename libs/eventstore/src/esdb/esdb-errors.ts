import { ErrorType, isCommandError, WrongExpectedVersionError } from '@eventstore/db-client';
import { status } from '@grpc/grpc-js';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';

const UNAVAILABLE_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.CANCELLED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);
const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.CANCELLED,
  status.ABORTED,
]);
const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

/** True when the error means the server could not be reached or gave up, so a retry may succeed. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  if (error instanceof Error && isCommandError(error)) return UNAVAILABLE_TYPES.has(error.type);
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === 'number' && UNAVAILABLE_CODES.has(code)) ||
    (typeof code === 'string' && SOCKET_CODES.has(code))
  );
}

/** Translates client errors into the port's: conflicts and unavailability; anything else is rethrown as is. */
export function translateError(
  error: unknown,
  context: { streamId?: string; expected?: ExpectedRevision } = {},
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new ConcurrencyConflictError(
      context.streamId ?? error.streamName,
      context.expected ?? 'any',
      typeof actual === 'bigint' ? Number(actual) : actual === 'no_stream' ? -1 : undefined,
    );
  }
  if (isUnavailable(error) && !(error instanceof EventStoreUnavailableError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${message}`, { cause: error });
  }
  return error;
}
