import type { GatewayServer } from './gateway-server';
import type { DiscordState } from './state';

/** An error as Discord's API answers it: an HTTP status and `{ code, message, errors? }`. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body() {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

/** 50035 Invalid Form Body naming the field, as Discord reports validation errors. */
export function invalidField(field: string, code: string, message: string): DiscordError {
  return new DiscordError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

export interface RouteContext {
  state: DiscordState;
  gateway: GatewayServer;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** The path after `/api/v10`, with `:name` for ids, e.g. `/channels/:channel/messages`. */
  pattern: string;
  /** Interaction callbacks and interaction webhooks are authorised by their token, not the bot's. */
  auth?: 'bot' | 'none';
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface MatchedRoute {
  route: Route;
  params: Record<string, string>;
  /** Discord's rate limits are per route and per major parameter (channel, guild, webhook). */
  majorParameter: string;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): MatchedRoute | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      if (part.startsWith(':')) return ((params[part.slice(1)] = decodeURIComponent(segments[i]!)), true);
      return part === segments[i];
    });
    if (matches) {
      const majorParameter =
        params['channel'] ?? params['guild'] ?? params['webhook'] ?? params['interaction'] ?? '';
      return { route, params, majorParameter };
    }
  }
  return null;
}

export const unknown = {
  channel: () => new DiscordError(404, 10003, 'Unknown Channel'),
  guild: () => new DiscordError(404, 10004, 'Unknown Guild'),
  member: () => new DiscordError(404, 10007, 'Unknown Member'),
  message: () => new DiscordError(404, 10008, 'Unknown Message'),
  user: () => new DiscordError(404, 10013, 'Unknown User'),
  webhook: () => new DiscordError(404, 10015, 'Unknown Webhook'),
  interaction: () => new DiscordError(404, 10062, 'Unknown interaction'),
  command: () => new DiscordError(404, 10063, 'Unknown application command'),
};
