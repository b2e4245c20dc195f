import { ConfigError } from './env-values';

/**
 * `CORS_ORIGINS`: the browser origins allowed to call the API, comma-separated
 * (`https://dash.example.com,http://localhost:5173`), or `*` for any. Unset, none: browsers on
 * other origins get no CORS headers and keep the answers from their scripts.
 */
export function corsOrigins(env: NodeJS.ProcessEnv): readonly string[] {
  const raw = env.CORS_ORIGINS?.trim() ?? '';
  if (raw === '') return [];
  if (raw === '*') return ['*'];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is scheme, host and port only: a path or trailing slash would never match a browser's.
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must be * or comma-separated origins such as https://dash.example.com, got "${origin}"`,
      );
    }
    return origin;
  });
}

/** `METRICS_TOKEN`: long enough not to be guessed, and sendable as a bearer token as it is. */
export function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.METRICS_TOKEN?.trim();
  if (!raw) return undefined;
  if (!/^[A-Za-z0-9._~+/=-]{16,256}$/.test(raw)) {
    throw new ConfigError(
      'METRICS_TOKEN must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = - (e.g. `openssl rand -hex 24`)',
    );
  }
  return raw;
}
