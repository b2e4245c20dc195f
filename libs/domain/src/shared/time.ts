import { DomainError } from './domain-error';

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, field);

/** Whether `value` names an IANA time zone this runtime knows (`UTC`, `Europe/Paris`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(value: unknown, field: string): asserts value is string {
  if (!isTimeZone(value)) {
    throw invalid(
      'invalid_time_zone',
      `${field} must be an IANA time zone such as UTC or Europe/Paris`,
      field,
    );
  }
}

/**
 * An instant as stored: ISO 8601 in UTC with milliseconds. `undefined` means "at the decision time";
 * anything else must parse, and may not lie after `now` (a clock a little ahead is the caller's problem).
 */
export function normalizeInstant(value: string | undefined, now: string, field = 'at'): string {
  if (value === undefined) return now;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalid('invalid_timestamp', `${field} must be an ISO 8601 time`, field);
  if (ms > Date.parse(now)) throw invalid('timestamp_in_future', `${field} lies in the future`, field);
  return new Date(ms).toISOString();
}
