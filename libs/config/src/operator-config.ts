import { envVar, readEnv } from './env-values';

const ORIGINS_HINT = 'must be * or comma-separated origins such as https://dash.example.com';

/** An origin is scheme, host and port only: a path or trailing slash would never match a browser's. */
function isOrigin(origin: string): boolean {
  try {
    const parsed = new URL(origin);
    return /^https?:$/.test(parsed.protocol) && parsed.origin === origin;
  } catch {
    return false;
  }
}

/** Operator conventions: CORS_ORIGINS and METRICS_TOKEN. */
export const OPERATOR_ENV = {
  /**
   * `CORS_ORIGINS`: the browser origins allowed to call the API, comma-separated
   * (`https://dash.example.com,http://localhost:5173`), or `*` for any. Unset, none: browsers on
   * other origins get no CORS headers and keep the answers from their scripts.
   */
  CORS_ORIGINS: envVar<readonly string[]>((text) => {
    if (text === '*') return ['*'];
    const origins = text.split(',').map((entry) => entry.trim());
    const bad = origins.filter((origin) => !isOrigin(origin));
    return bad.length === 0 ? origins : { error: `${ORIGINS_HINT} (not ${bad.join(', ')})` };
  }, []),
  /** `METRICS_TOKEN`: long enough not to be guessed, and sendable as a bearer token as it is. */
  METRICS_TOKEN: envVar<string | undefined>(
    (text) =>
      /^[A-Za-z0-9._~+/=-]{16,256}$/.test(text)
        ? text
        : { error: 'must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / = - (e.g. `openssl rand -hex 24`)' },
    undefined,
  ),
};

export const corsOrigins = (env: NodeJS.ProcessEnv): readonly string[] =>
  readEnv(env, { CORS_ORIGINS: OPERATOR_ENV.CORS_ORIGINS }).CORS_ORIGINS;

export const metricsToken = (env: NodeJS.ProcessEnv): string | undefined =>
  readEnv(env, { METRICS_TOKEN: OPERATOR_ENV.METRICS_TOKEN }).METRICS_TOKEN;
