import { BadRequestException } from '@nestjs/common';
import { SNOWFLAKE_PATTERN } from '../common/snowflake';

/** BotNexus `POST /v1/analytics/submit`, parsed. */
export interface AnalyticsSubmission {
  readonly serverId: string;
  readonly activeUsers: number;
  /** ISO 8601; the receive time when the body carried none. */
  readonly timestamp: string;
}

/** Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_BELOW = 1e11;
const FIELDS: ReadonlySet<string> = new Set(['server_id', 'active_users', 'timestamp']);

const bad = (field: string, message: string) =>
  new BadRequestException({ message: `${field} ${message}`, field });

/**
 * Reads the body the way BotNexus's own examples send it: `server_id` as a string (or a number),
 * `active_users` a whole number, `timestamp` ISO 8601 or epoch seconds or milliseconds (number or
 * digits). A missing timestamp means "now": the Python example sends none, and a dashboard pushing
 * live figures means the moment it pushes them.
 */
export function parseSubmission(body: unknown, now: Date): AnalyticsSubmission {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException(
      'the body must be a JSON object with server_id, active_users and timestamp',
    );
  }
  for (const key in body) {
    // Refused like everywhere else: the first unknown field is named, and the scan stops there.
    if (Object.hasOwn(body, key) && !FIELDS.has(key)) {
      const message = `property ${key} should not exist`;
      throw new BadRequestException({ message, field: key, fields: [{ field: key, message }] });
    }
  }
  const { server_id, active_users, timestamp } = body as Record<string, unknown>;
  const serverId =
    typeof server_id === 'number' && Number.isSafeInteger(server_id) ? String(server_id) : server_id;
  if (typeof serverId !== 'string' || !SNOWFLAKE_PATTERN.test(serverId)) {
    throw bad('server_id', 'must be a Discord snowflake (a decimal string of up to 20 digits)');
  }
  if (typeof active_users !== 'number' || !Number.isSafeInteger(active_users) || active_users < 0) {
    throw bad('active_users', 'must be a non-negative whole number');
  }
  return { serverId, activeUsers: active_users, timestamp: parseTimestamp(timestamp, now) };
}

function parseTimestamp(value: unknown, now: Date): string {
  if (value === undefined || value === null) return now.toISOString();
  let ms: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const n = Number(value);
    ms = n < SECONDS_BELOW ? n * 1000 : n;
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    ms = Date.parse(value);
  } else {
    ms = Number.NaN;
  }
  if (!Number.isFinite(ms) || Number.isNaN(new Date(ms).getTime())) {
    throw bad('timestamp', 'must be ISO 8601 or epoch seconds or milliseconds');
  }
  return new Date(Math.round(ms)).toISOString();
}
