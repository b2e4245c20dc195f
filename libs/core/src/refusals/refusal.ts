import { AnalyticsUnavailableError } from '#analytics';
import {
  DomainError,
  InvalidQueryError,
  TrackNotFoundError,
  TrackSourcesBusyError,
  type RefusalReason,
} from '#domain';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '#eventstore';

/**
 * A failure a door can explain to whoever asked: the domain refused the command, or a store is
 * briefly unavailable. Each door renders it its own way (an HTTP body, an ephemeral Discord reply).
 */
export interface Refusal {
  /** The HTTP status; other doors read it as the kind of answer (4xx: fix the request, 5xx: retry). */
  readonly status: number;
  /** Stable public code (`track_not_found`, the decider's codes), where there is one. */
  readonly code?: string;
  readonly message: string;
  /** The input at fault, where there is one. */
  readonly field?: string;
  /** Set when the same request may succeed if sent again after this many seconds. */
  readonly retryAfterSeconds?: number;
}

const STATUS_BY_REASON: Record<RefusalReason, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
};

/** The one map from refusals to answers, shared by every door; undefined for a fault (a bug, a 500). */
export function refusalFor(error: unknown): Refusal | undefined {
  if (error instanceof DomainError) {
    const { reason, code, message, field } = error;
    return { status: STATUS_BY_REASON[reason], code, message, ...(field ? { field } : {}) };
  }
  if (error instanceof TrackNotFoundError) {
    return { status: 404, code: 'track_not_found', message: error.message };
  }
  if (error instanceof InvalidQueryError) {
    return { status: 400, code: 'invalid_query', message: error.message, field: error.field };
  }
  if (error instanceof TrackSourcesBusyError) {
    const { status, message, retryAfterSec } = error;
    return { status, code: 'track_sources_busy', message, retryAfterSeconds: retryAfterSec };
  }
  if (error instanceof ConcurrencyConflictError) {
    // The handler already retried; the conflict outlasted its tries.
    const message = 'The resource was changed concurrently; retry the request';
    return { status: 409, message, retryAfterSeconds: 1 };
  }
  if (error instanceof EventStoreUnavailableError) {
    return { status: 503, message: 'The event store is unavailable; retry later', retryAfterSeconds: 1 };
  }
  if (error instanceof AnalyticsUnavailableError) {
    const message = 'Analytics are unavailable right now; everything else works. Retry later';
    return { status: 503, message, retryAfterSeconds: 1 };
  }
  return undefined;
}
