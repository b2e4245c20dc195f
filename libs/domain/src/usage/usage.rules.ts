import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';
import { USAGE_CATEGORIES, type UsageCategory } from './usage.events';

/** Limits of usage facts; exported so doors can describe them. */
export const USAGE_LIMITS = {
  commandNameMaxLength: 64,
  /** A reported timestamp may run this far ahead of our clock (bots' clocks drift). */
  reportMaxFutureSkewMs: 5 * 60_000,
  /** Reports older than this are refused: analytics only look back so far, and late data skews "today". */
  reportMaxAgeMs: 7 * 24 * 3_600_000,
  maxActiveUsers: 10_000_000,
} as const;

const COMMAND_NAME = /^[\p{L}\p{N}_-]+(?: [\p{L}\p{N}_-]+){0,2}$/u;
const CATEGORIES: ReadonlySet<string> = new Set(USAGE_CATEGORIES);

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

export function assertCommandName(value: unknown): asserts value is string {
  if (
    typeof value !== 'string' ||
    value.length > USAGE_LIMITS.commandNameMaxLength ||
    !COMMAND_NAME.test(value)
  ) {
    throw invalid(
      'invalid_command_name',
      `name must be 1–${USAGE_LIMITS.commandNameMaxLength} characters of letters, digits, - and _ (up to three words)`,
      'name',
    );
  }
}

export function assertCategory(value: unknown): asserts value is UsageCategory {
  if (typeof value !== 'string' || !CATEGORIES.has(value)) {
    throw invalid('invalid_category', `category must be one of ${USAGE_CATEGORIES.join(', ')}`, 'category');
  }
}

/** A report's time must be near now: not beyond the skew into the future, not older than the window. */
export function normalizeReportTime(value: string, now: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid('invalid_timestamp', 'timestamp must be a time', 'timestamp');
  const nowMs = Date.parse(now);
  if (ms > nowMs + USAGE_LIMITS.reportMaxFutureSkewMs) {
    throw invalid(
      'timestamp_in_future',
      `timestamp lies more than ${USAGE_LIMITS.reportMaxFutureSkewMs / 60_000} minutes in the future`,
      'timestamp',
    );
  }
  if (ms < nowMs - USAGE_LIMITS.reportMaxAgeMs) {
    throw invalid(
      'timestamp_too_old',
      `timestamp is older than ${USAGE_LIMITS.reportMaxAgeMs / 86_400_000} days`,
      'timestamp',
    );
  }
  return new Date(ms).toISOString();
}

export function assertActiveUsers(value: unknown): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 0 ||
    value > USAGE_LIMITS.maxActiveUsers
  ) {
    throw invalid(
      'invalid_active_users',
      `activeUsers must be an integer from 0 to ${USAGE_LIMITS.maxActiveUsers}`,
      'activeUsers',
    );
  }
}

/** Why a report was voided, for the audit trail: trimmed, at most 200 characters, blank means none. */
export function normalizeVoidReason(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid('invalid_reason', 'reason must be text', 'reason');
  const text = value.trim();
  if (text.length > 200) throw invalid('invalid_reason', 'reason must be at most 200 characters', 'reason');
  assertPlainText(text, 'reason');
  return text.length === 0 ? null : text;
}

/** The instant of a report being voided: any time that parses (a voided report may be old, or a little ahead). */
export function normalizeVoidedInstant(value: unknown): string {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid('invalid_timestamp', 'timestamp must be a time', 'timestamp');
  return new Date(ms).toISOString();
}
