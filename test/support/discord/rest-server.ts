import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayServer } from './gateway-server';
import { RateLimits, type RateLimitOptions } from './rate-limits';
import { Recorder } from './recorder';
import { DiscordError, matchRoute, type Route } from './rest-router';
import type { DiscordState } from './state';

/** One REST call the bot made, as the tests see it. */
export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  /** The matched route, e.g. `POST /channels/:channel/messages`; null when the fake has no such route. */
  route: string | null;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Names of uploaded files (multipart requests). */
  files: string[];
  /** Request headers without `authorization`. */
  headers: IncomingHttpHeaders;
  status: number;
  response: unknown;
  responseHeaders: Record<string, string>;
  at: number;
}

const API_PREFIX = '/api/v10';

/** The HTTP side of the local Discord: bot-token check, rate-limit headers, routing, recording. */
export class RestServer {
  readonly requests = new Recorder<RecordedRequest>('REST request');
  private readonly rateLimits: RateLimits;

  constructor(
    private readonly state: DiscordState,
    private readonly gateway: GatewayServer,
    private readonly routes: readonly Route[],
    private readonly token: string,
    rateLimit: RateLimitOptions,
  ) {
    this.rateLimits = new RateLimits(rateLimit);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length) || '/'
      : url.pathname;
    const { authorization: _token, ...headers } = request.headers;
    const matched = url.pathname.startsWith(API_PREFIX) ? matchRoute(this.routes, method, path) : null;
    const entry: RecordedRequest = {
      ...{
        method,
        path,
        route: matched ? `${method} ${matched.route.pattern}` : null,
        params: matched?.params ?? {},
      },
      ...{
        query: url.searchParams,
        body: {},
        files: [],
        headers,
        status: 0,
        response: null,
        responseHeaders: {},
      },
      at: Date.now(),
    };
    const limit = this.rateLimits.take(entry.route ?? `${method} ${path}`, matched?.majorParameter ?? '');
    entry.responseHeaders = { 'content-type': 'application/json', ...limit.headers };
    try {
      Object.assign(entry, await readBody(request));
      if (!matched) throw new DiscordError(404, 0, '404: Not Found');
      if ((matched.route.auth ?? 'bot') === 'bot' && request.headers.authorization !== `Bot ${this.token}`) {
        throw new DiscordError(401, 0, '401: Unauthorized');
      }
      if (limit.retryAfter !== null) {
        entry.status = 429;
        entry.response = {
          message: 'You are being rate limited.',
          retry_after: limit.retryAfter,
          global: false,
        };
      } else {
        const context = {
          state: this.state,
          gateway: this.gateway,
          query: url.searchParams,
          body: entry.body,
        };
        const result = await matched.route.handle({ ...context, params: matched.params });
        entry.status = result.status ?? (result.body === undefined ? 204 : 200);
        entry.response = result.body ?? null;
      }
    } catch (error) {
      if (error instanceof DiscordError) [entry.status, entry.response] = [error.status, error.body];
      else {
        // A bug in the fake: answer as Discord's 500 and say why, rather than crash the test process.
        console.error('local Discord failed on', method, path, error);
        [entry.status, entry.response] = [500, { message: '500: Internal Server Error', code: 0 }];
      }
    } finally {
      this.requests.record(entry);
    }
    if (entry.status === 204) delete entry.responseHeaders['content-type'];
    response.writeHead(entry.status, entry.responseHeaders);
    response.end(entry.status === 204 ? undefined : JSON.stringify(entry.response));
  }
}

/** JSON bodies, and multipart ones (files) whose JSON is in `payload_json`, as discord.js sends them. */
async function readBody(request: IncomingMessage): Promise<Pick<RecordedRequest, 'body' | 'files'>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return { body: {}, files: [] };
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files = [...form.values()].flatMap((value) => (typeof value === 'string' ? [] : [value.name]));
    const json = form.get('payload_json');
    return { body: typeof json === 'string' ? parseJson(json) : {}, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // answered below, as Discord does
  }
  throw new DiscordError(400, 50109, 'The request body contains invalid JSON.');
}
