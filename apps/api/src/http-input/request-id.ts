import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
/** Accepted before X-Request-Id existed; still honoured when X-Request-Id is absent. */
const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Short and inert in logs and headers: no spaces, quotes or control characters. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const sane = (value: string | string[] | undefined): value is string =>
  typeof value === 'string' && SANE_ID.test(value);

/**
 * The id of a request: the caller's `X-Request-Id` (or `X-Correlation-Id`) when it is 1–128 of
 * `A-Z a-z 0-9 . _ : -`, else a new UUID. Fastify's `genReqId`, so it is `request.id` everywhere.
 */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  if (sane(given)) return given;
  const legacy = headers[CORRELATION_ID_HEADER];
  return sane(legacy) ? legacy : randomUUID();
}
