import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { RateLimitedBody } from '../../openapi/error-bodies';
import { RATE_LIMIT_HEADERS, headers } from '../../openapi/headers';

const EXAMPLE =
  'id: 42\nevent: SettingsChanged\ndata: {"id":"0b9c7c2e-6d0f-4c61-9a55-2f1c3e8d7a10","stream":"guild-123456789012345678",' +
  '"revision":1,"position":42,"type":"SettingsChanged","schema_version":1,' +
  '"data":{"guildId":"123456789012345678","changes":{"prefix":"!"}},"actor":{"kind":"apikey","id":"k7f3a9c2d1e0b4a5"},' +
  '"door":"rest","time":"2026-01-01T12:00:00.000Z","correlation_id":"5b1e0c8a-8d4f-4b7e-9f0a-1c2d3e4f5a6b","causation_id":null}\n\n' +
  ': heartbeat\n\n';

/** The 200 of the live stream: `text/event-stream`, never JSON. */
export const ApiEventStream = () =>
  ApiResponse({
    status: 200,
    description:
      'A stream of Server-Sent Events that stays open: `id:` global position, `event:` event type, `data:` ' +
      'one item of `GET /v1/servers/{id}/events` as JSON; comment lines (`: heartbeat`) keep it alive',
    headers: headers(...RATE_LIMIT_HEADERS),
    content: { 'text/event-stream': { schema: { type: 'string' }, example: EXAMPLE } },
  });

/** The 429 of the live stream: a rate limit, or the key's open streams at SSE_MAX_STREAMS_PER_KEY. */
export const ApiTooManyStreams = () =>
  applyDecorators(
    ApiExtraModels(RateLimitedBody),
    ApiResponse({
      status: 429,
      description:
        'Over a rate limit, or this key already holds SSE_MAX_STREAMS_PER_KEY open streams ' +
        '(`code: too_many_streams`); retry after `Retry-After` seconds',
      headers: headers(...RATE_LIMIT_HEADERS, 'Retry-After'),
      content: { 'application/json': { schema: { $ref: getSchemaPath(RateLimitedBody) } } },
    }),
  );
