import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorBody } from './error-bodies';
import { RESPONSE_HEADERS, withRequestIdOnEveryResponse } from './headers';
import { BEARER, BOTS_ON_DISCORD_KEY } from './dialect';

const TAGS: readonly [string, string][] = [
  ['Hexify v2', "Hexify API v2 (`/v2`), as Hexify's document gives it: servers, settings, music, analytics"],
  ['Hush Bot', "Hush Bot's `/v1/users/{id}` (Admin) and `/v1/servers/{id}/stats` (Server Owner)"],
  ['BotNexus', 'BotNexus: bot profiles, metadata, developer status and analytics submission'],
  ['Bots on Discord', "Bots on Discord's bot API (`/bot-api`): the bot's bare key in `Authorization`"],
  ['Elixir Music', 'Elixir Music (`/api/v1`): public reads, writes with a key bound to the guild'],
  ['Servers', 'Canonical guilds: profile, settings, audit history, moderation log'],
  ['Music', 'Canonical player and queue'],
  ['Analytics', 'Canonical analytics: summary, time series, rankings, report voids'],
  ['Bots', 'Canonical bots: registration, approval, reviews, health samples, commands'],
  ['Developers', 'Canonical developer verification'],
  ['Keys', "The caller's own API keys"],
  ['Health', 'Event store, projections and analytics status'],
];

// Refused by Node or Fastify before a route is chosen, so any operation can answer them.
const TRANSPORT_ERRORS = [
  [
    408,
    'The request did not arrive in time (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS); the connection is closed',
  ],
  [431, 'The request line and headers together are too large'],
  [500, 'A fault on our side (never an answer to bad input)'],
] as const;

/**
 * The OpenAPI document of the HTTP door, built from the controllers' decorators and the DTO and
 * response classes. Served at /docs/openapi.json; `npm run openapi:write` writes it to a file.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Guildhall')
    .setDescription(
      'The canonical `/v1` API and the seed dialects (Hexify `/v2`, Hush Bot, BotNexus, Bots on Discord ' +
        '`/bot-api`, Elixir Music `/api/v1`). Errors share one shape `{statusCode, error, message}`; ' +
        "Hexify's and Bots on Discord's 429s have their own. See docs/API.md.",
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This Guildhall (the server that serves this document)')
    .addSecurity(BEARER, {
      type: 'http',
      scheme: 'bearer',
      description: 'An API key: `Authorization: Bearer KEY` (issued by `/genkey`, `h!api-key` or the CLI)',
    })
    .addSecurity(BOTS_ON_DISCORD_KEY, {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: "Bots on Discord: the bot's key as the whole `Authorization` header, without a scheme",
    });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  for (const [status, description] of TRANSPORT_ERRORS) {
    builder.addGlobalResponse({ status, description, type: ApiErrorBody });
  }
  const config = builder.build();
  config.components = { ...config.components, headers: RESPONSE_HEADERS };
  return withRequestIdOnEveryResponse(SwaggerModule.createDocument(app, config));
}
