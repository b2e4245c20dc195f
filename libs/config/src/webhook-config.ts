import { envVar, flagVar, integerVar, readEnv, type EnvValues } from './env-values';

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

function secretKeyOf(text: string): Buffer | { error: string } {
  const key = Buffer.from(text, 'base64');
  return key.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(text)
    ? key
    : { error: 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)' };
}

export const WEBHOOK_ENV = {
  WEBHOOK_DELIVERY: flagVar(true),
  WEBHOOK_TIMEOUT_MS: integerVar(10_000, 100, 120_000),
  WEBHOOK_MAX_RESPONSE_BYTES: integerVar(64 * 1024, 0, 16 * 1024 * 1024),
  WEBHOOK_CONCURRENCY: integerVar(64, 1, 4_096),
  WEBHOOK_SECRET_KEY: envVar<Buffer | undefined>(secretKeyOf, undefined),
};

export const webhookConfigOf = (values: EnvValues<typeof WEBHOOK_ENV>): WebhookConfig => ({
  deliver: values.WEBHOOK_DELIVERY,
  timeoutMs: values.WEBHOOK_TIMEOUT_MS,
  maxResponseBytes: values.WEBHOOK_MAX_RESPONSE_BYTES,
  concurrency: values.WEBHOOK_CONCURRENCY,
  secretKey: values.WEBHOOK_SECRET_KEY,
});

/** `WEBHOOK_DELIVERY`, `WEBHOOK_TIMEOUT_MS`, `WEBHOOK_MAX_RESPONSE_BYTES`, `WEBHOOK_CONCURRENCY`, `WEBHOOK_SECRET_KEY`. */
export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  return webhookConfigOf(readEnv(env, WEBHOOK_ENV));
}
