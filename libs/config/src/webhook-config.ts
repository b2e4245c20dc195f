import { ConfigError, flag, integer } from './env-values';

/** How webhook deliveries leave this process (the outbound guard decides where they may go). */
export interface WebhookConfig {
  /** Run the delivery reactor and dispatcher here; only where projections run too. */
  readonly deliver: boolean;
  /** Longest wait for a receiver's response headers. */
  readonly timeoutMs: number;
  /** Most bytes of a receiver's response read (for the delivery log); past it the attempt fails. */
  readonly maxResponseBytes: number;
  /** Deliveries in flight at once across all endpoints (each endpoint has at most one: in order). */
  readonly concurrency: number;
  /**
   * The 32-byte key that seals endpoint secrets in events (AES-256-GCM), base64. Unset: a key is made
   * once in `DATA_DIR/webhook-secret.key`. Replicas sharing an event store must share this key.
   */
  readonly secretKey: Buffer | undefined;
}

function secretKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const raw = env.WEBHOOK_SECRET_KEY?.trim();
  if (!raw) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9+/]+=*$/.test(raw)) {
    throw new ConfigError('WEBHOOK_SECRET_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  return key;
}

/** `WEBHOOK_DELIVERY`, `WEBHOOK_TIMEOUT_MS`, `WEBHOOK_MAX_RESPONSE_BYTES`, `WEBHOOK_CONCURRENCY`, `WEBHOOK_SECRET_KEY`. */
export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  return {
    deliver: flag(env, 'WEBHOOK_DELIVERY', true),
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    maxResponseBytes: integer(env, 'WEBHOOK_MAX_RESPONSE_BYTES', 64 * 1024, 0, 16 * 1024 * 1024),
    concurrency: integer(env, 'WEBHOOK_CONCURRENCY', 64, 1, 4_096),
    secretKey: secretKey(env),
  };
}
