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
