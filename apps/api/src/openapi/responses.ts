import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { statusText } from '../common/error-body';
import { ApiErrorBody } from './error-bodies';
import { RATE_LIMIT_HEADERS, headers, type ResponseHeader } from './headers';

export interface SuccessOptions {
  readonly description: string;
  /** A write: the answer carries `X-Guildhall-Position`. */
  readonly write?: boolean;
  /** The body is a list of `type`. */
  readonly isArray?: boolean;
  /** The same data as RFC 4180 CSV on `Accept: text/csv`, with this example. */
  readonly csv?: string;
  /** A body no single class describes (one of several shapes); `type` is then only registered. */
  readonly schema?: SchemaObject;
  readonly examples?: Record<string, { summary: string; value: unknown }>;
  /** Headers of the route's own beyond the rate-limit ones and the write position. */
  readonly headers?: readonly ResponseHeader[];
}

const successHeaders = (write = false, extra: readonly ResponseHeader[] = []) =>
  headers(...RATE_LIMIT_HEADERS, ...(write ? (['X-Guildhall-Position'] as const) : []), ...extra);

function success(status: number, type: Type<unknown> | undefined, options: SuccessOptions) {
  const { description, write, isArray, csv, schema, examples } = options;
  const responseHeaders = successHeaders(write, options.headers);
  if (!csv && !schema) {
    return ApiResponse({ status, description, type, isArray, examples, headers: responseHeaders });
  }
  const json: SchemaObject | ReferenceObject = schema ?? { $ref: getSchemaPath(type as Type<unknown>) };
  return applyDecorators(
    ...(type ? [ApiExtraModels(type)] : []),
    ApiResponse({
      status,
      description,
      headers: responseHeaders,
      content: {
        'application/json': { schema: json, ...(examples && { examples }) },
        ...(csv && { 'text/csv': { schema: { type: 'string' }, example: csv } }),
      },
    }),
  );
}

/** 200 with a body of `type` (a response class). Every answer may carry the rate-limit headers. */
export const ApiOk = (type: Type<unknown> | undefined, options: SuccessOptions) =>
  success(200, type, options);
export const ApiCreated = (type: Type<unknown>, options: SuccessOptions) => success(201, type, options);
export const ApiNoContent = (description: string, options: { write?: boolean } = {}) =>
  ApiResponse({ status: 204, description, headers: successHeaders(options.write) });

/**
 * A read that answers `ETag` and honours `If-None-Match` (common/conditional-get.ts): the 200 declares
 * the tag through `ApiOk`'s `headers: ['ETag']`, this adds the request header and the empty 304.
 */
export const ApiNotModified = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of the copy the client holds: 304 with no body while it is still current',
      schema: { type: 'string', example: 'W/"7"' },
    }),
    ApiResponse({
      status: 304,
      description: 'Not modified: the copy named by If-None-Match is current (no body)',
      headers: successHeaders(false, ['ETag']),
    }),
  );

/** 200 with bytes of a media type (`image/*`), not JSON. */
export const ApiOkBinary = (mediaType: string, description: string) =>
  ApiResponse({
    status: 200,
    description,
    headers: successHeaders(),
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
  });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 503;

const ERRORS: Record<ErrorStatus, { description: string; message: string; extra?: object }> = {
  400: {
    description:
      'Invalid input: the message names the field (validation adds `fields`, domain refusals `code` and `field`). ' +
      'Also a body that is not JSON or breaks a shape limit (nesting, fields per object, items per array, values)',
    message: 'id must be a Discord snowflake (a decimal string of up to 20 digits)',
  },
  401: {
    description: 'No key, or an unknown or revoked one (refused before the body is read)',
    message: 'Invalid or revoked API key',
  },
  403: { description: 'The key is valid but may not do this', message: 'Only the server owner may do this' },
  404: { description: 'Unknown resource', message: 'server 123456789012345678 not found' },
  409: {
    description:
      'The player or resource is not in a state that allows it (`code`), or concurrent changes outlasted the retries (`Retry-After`)',
    message: 'nothing is playing',
    extra: { code: 'nothing_playing' },
  },
  410: { description: 'Nothing is playing', message: 'No track is currently playing in this guild.' },
  413: {
    description: 'The body is larger than BODY_LIMIT_BYTES',
    message: 'The request body is larger than 1048576 bytes',
  },
  415: {
    description: 'The body is not application/json',
    message: 'Request bodies must be JSON: send Content-Type: application/json (got text/plain)',
  },
  503: {
    description:
      'The event store is unreachable, or the read model did not reach X-Guildhall-Min-Position in time ' +
      '(`code: position_not_reached`); retry after `Retry-After`',
    message: 'x-guildhall-min-position 42 was not reached within 5000 ms; retry later',
    extra: { code: 'position_not_reached' },
  },
};

// Refused before the rate-limit guard counts the request: these never carry its headers.
const BEFORE_LIMITS: ReadonlySet<number> = new Set([401, 413, 415]);
const RETRY_AFTER: ReadonlySet<number> = new Set([409, 503]);

function errorHeaders(status: number) {
  const names: ResponseHeader[] = BEFORE_LIMITS.has(status) ? [] : [...RATE_LIMIT_HEADERS];
  if (RETRY_AFTER.has(status)) names.push('Retry-After');
  return names.length > 0 ? headers(...names) : undefined;
}

export interface ErrorOverride {
  readonly status: ErrorStatus;
  readonly description: string;
  readonly message?: string;
}

/**
 * The error answers of a route, in the one error shape. A status alone takes the usual description;
 * `{status, description, message}` says what it means on this route.
 */
export function ApiErrors(...errors: readonly (ErrorStatus | ErrorOverride)[]) {
  return applyDecorators(
    ...errors.map((error) => {
      const { status, ...override } = typeof error === 'number' ? { status: error } : error;
      const known = ERRORS[status];
      const description = ('description' in override && override.description) || known.description;
      const custom = 'message' in override ? override.message : undefined;
      const example = custom ? { message: custom } : { message: known.message, ...known.extra };
      return ApiResponse({
        status,
        description,
        type: ApiErrorBody,
        headers: errorHeaders(status),
        example: { statusCode: status, error: statusText(status), ...example },
      });
    }),
  );
}
