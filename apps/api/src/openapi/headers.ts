import type {
  HeaderObject,
  HeadersObject,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger';

const integer = (description: string, example: number): HeaderObject => ({
  description,
  schema: { type: 'integer', example },
});
const text = (description: string, example: string): HeaderObject => ({
  description,
  schema: { type: 'string', example },
});

/**
 * The response headers the API itself sets (libs/ratelimit/src/headers.ts, common/min-position.ts),
 * declared once in `components.headers` and referenced from each response that can carry them.
 */
export const RESPONSE_HEADERS = {
  'X-RateLimit-Limit': integer('Requests allowed in the tightest limit that applies', 100),
  'X-RateLimit-Remaining': integer('Requests left in that limit', 95),
  'X-RateLimit-Reset': integer('When that limit is full again (epoch seconds)', 1640995200),
  'RateLimit-Policy': text('Every limit that applies (IETF RateLimit fields)', '"hourly";q=100;w=3600'),
  RateLimit: text('The tightest limit: remaining and seconds until one more request', '"hourly";r=95;t=36'),
  'Retry-After': integer('Seconds to wait before retrying', 36),
  'X-Guildhall-Position': integer(
    'Global position of the write: send it as X-Guildhall-Min-Position to read your write on any replica',
    42,
  ),
  'X-Request-Id': text(
    "The request's id: the caller's X-Request-Id when sane (1–128 of A-Z a-z 0-9 . _ : -), else a new one; " +
      'also in its log lines and the correlation id of the events it appends',
    '5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b',
  ),
  ETag: text(
    'Version of the read model answered: send it as If-None-Match to get 304 while unchanged',
    'W/"7"',
  ),
  'X-Cache-Refresh-By': text(
    'By when directories that mirror public metadata must have refreshed their copy (ISO 8601)',
    '2026-01-02T12:00:00.000Z',
  ),
} satisfies Record<string, HeaderObject>;

export type ResponseHeader = keyof typeof RESPONSE_HEADERS;

const ref = (name: ResponseHeader) => ({ $ref: `#/components/headers/${name}` });

export const RATE_LIMIT_HEADERS: readonly ResponseHeader[] = [
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'RateLimit-Policy',
  'RateLimit',
];

/** Every response of every operation carries its request's id (http-input/request-id.ts). */
export function withRequestIdOnEveryResponse(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as unknown[]) {
      const responses = (operation as OperationObject | undefined)?.responses;
      if (!responses || typeof responses !== 'object') continue;
      for (const response of Object.values(responses) as ResponseObject[]) {
        response.headers = { ...response.headers, 'X-Request-Id': ref('X-Request-Id') };
      }
    }
  }
  return document;
}

/** A response's `headers`, as references to the shared declarations. */
export function headers(...names: readonly ResponseHeader[]): HeadersObject {
  return Object.fromEntries(names.map((name) => [name, ref(name)]));
}
