import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema';

/** Guildhall's own default (`PORT=3000` on this host); pass `baseUrl` for any other deployment. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';

export interface GuildhallClientOptions {
  /** An API key (`ghk_…`), sent as `Authorization: Bearer <key>`; every dialect accepts that form. */
  apiKey?: string;
  /** The server's origin, without a path: the operations' paths already carry `/v2`, `/v1`, `/api/v1`. */
  baseUrl?: string;
  /** A fetch to use instead of the global one (a proxy agent, a test double that speaks HTTP). */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request, e.g. `X-Request-Id`. */
  headers?: Record<string, string>;
}

/** Every operation of the document, typed by path and method: `client.GET('/v1/servers/{id}', …)`. */
export type GuildhallClient = Client<paths>;

/** A typed client over `fetch` for the whole API (openapi-fetch over the generated `paths`). */
export function createGuildhallClient(options: GuildhallClientOptions = {}): GuildhallClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  return createClient<paths>({
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
