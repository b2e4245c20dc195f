import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import type { Dialect } from '../auth/dialect';
import {
  ApiErrorBody,
  BotsOnDiscordRateLimitedBody,
  HexifyRateLimitedBody,
  RateLimitedBody,
} from './error-bodies';
import { RATE_LIMIT_HEADERS, headers } from './headers';

/** Security scheme names, declared in openapi-document.ts. */
export const BEARER = 'bearer';
export const BOTS_ON_DISCORD_KEY = 'bots-on-discord-key';

const RATE_LIMITED_BODY = {
  hexify: HexifyRateLimitedBody,
  bod: BotsOnDiscordRateLimitedBody,
} as const;

const rateLimitedBody = (dialect: Dialect) =>
  dialect === 'hexify' || dialect === 'bod' ? RATE_LIMITED_BODY[dialect] : RateLimitedBody;

/** The 429 of a dialect: its own body where its document fixes one, `Retry-After` always. */
export const ApiRateLimited = (dialect: Dialect) =>
  ApiResponse({
    status: 429,
    description: 'Over a rate limit; retry after `Retry-After` seconds (docs/API.md, Rate limits)',
    type: rateLimitedBody(dialect),
    headers: headers(...RATE_LIMIT_HEADERS, 'Retry-After'),
  });

/**
 * Routes that look tracks up (play, enqueue) can also answer 429 `track_sources_busy` in the one
 * error shape, when the caller already has MUSIC_PROBE_PER_CALLER lookups in flight.
 */
export const ApiTrackLookups = (dialect: Dialect) =>
  applyDecorators(
    ApiExtraModels(rateLimitedBody(dialect), ApiErrorBody),
    ApiResponse({
      status: 429,
      description:
        'Over a rate limit, or this key already has MUSIC_PROBE_PER_CALLER track lookups in flight ' +
        '(`code: track_sources_busy`); retry after `Retry-After` seconds',
      headers: headers(...RATE_LIMIT_HEADERS, 'Retry-After'),
      content: {
        'application/json': {
          schema: {
            anyOf: [{ $ref: getSchemaPath(rateLimitedBody(dialect)) }, { $ref: getSchemaPath(ApiErrorBody) }],
          },
        },
      },
    }),
  );

const missingKey = (dialect: Dialect) =>
  ApiResponse({
    status: 401,
    description: 'No key, or an unknown or revoked one (refused before the body is read)',
    type: ApiErrorBody,
    example: {
      statusCode: 401,
      error: 'Unauthorized',
      message:
        dialect === 'bod'
          ? 'Missing API key: send it as the Authorization header'
          : 'Missing API key: send Authorization: Bearer <key>',
    },
  });

/** A route anyone may call; a key, when sent, still identifies the caller (and its limits apply). */
export const ApiKeyOptional = () => applyDecorators(ApiSecurity({}), ApiBearerAuth(BEARER));

/**
 * What every route of a controller shares because of its dialect: how the key is sent (and the 401
 * without one) and the 429.
 * Bots on Discord sends the bare key in `Authorization` (an apiKey scheme), and takes the Bearer
 * form too; Elixir's reads need no key, so its writes declare theirs one by one.
 */
export function ApiDialect(dialect: Dialect, options: { keyless?: boolean } = {}) {
  const security =
    dialect === 'elixir'
      ? []
      : options.keyless
        ? [ApiSecurity({})]
        : dialect === 'bod'
          ? [ApiSecurity(BOTS_ON_DISCORD_KEY), ApiBearerAuth(BEARER)]
          : [ApiBearerAuth(BEARER)];
  const keyed = options.keyless || dialect === 'elixir' ? [] : [missingKey(dialect)];
  return applyDecorators(...security, ...keyed, ApiRateLimited(dialect));
}
