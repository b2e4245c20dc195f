/**
 * Receiving Guildhall webhooks: checks a delivery's Standard Webhooks signature before trusting it.
 * WebCrypto only (Node 20+, Deno, Bun, workers, browsers), no dependency.
 */

/** The body Guildhall posts for one event (see docs/WEBHOOKS.md for `data`). */
export interface WebhookPayload<TData = Record<string, unknown>> {
  /** The public event name (`SettingsChanged`, `TrackStarted`…), or `WebhookTest`. */
  readonly type: string;
  /** When the change was decided (ISO 8601). */
  readonly timestamp: string;
  /** `{guild_id, stream, position, revision, id, schema_version, data, actor, door, time, …}`. */
  readonly data: TData;
}

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

export interface VerifyOptions {
  /** How far the `webhook-timestamp` may be from now, either way; 5 minutes by default (replay protection). */
  readonly toleranceSeconds?: number;
  /** The receiver's clock, for tests. */
  readonly now?: () => Date;
}

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderSource, name: string): string {
  const value =
    typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get(name)
      : (headers as Record<string, string | readonly string[] | undefined>)[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || text.length === 0)
    throw new WebhookVerificationError(`missing ${name} header`);
  return text;
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** Compares without stopping at the first difference, so timing tells nothing about the expected value. */
function equalInConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Verifies a delivery and answers its parsed body; throws `WebhookVerificationError` when a header is
 * missing, the timestamp is outside the tolerance, or no `v1,` signature matches `secret` (`whsec_…`).
 * Pass the body exactly as received (the raw text, before any JSON parsing). During a secret rotation
 * the header carries two signatures; either secret verifies.
 */
export async function verifyWebhook<TData = Record<string, unknown>>(
  secret: string,
  body: string,
  headers: HeaderSource,
  options: VerifyOptions = {},
): Promise<WebhookPayload<TData>> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('verifyWebhook needs WebCrypto (globalThis.crypto.subtle)');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature').split(' ');
  const seconds = Number(timestamp);
  const now = (options.now?.() ?? new Date()).getTime() / 1000;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookVerificationError('webhook-timestamp is missing, malformed or too far from now');
  }
  const key = await subtle.importKey(
    'raw',
    base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signed = await subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  const expected = bytesToBase64(signed);
  const matches = signatures.some((entry) => {
    const [version, signature] = entry.split(',', 2);
    return version === 'v1' && signature !== undefined && equalInConstantTime(signature, expected);
  });
  if (!matches) throw new WebhookVerificationError('no signature matches the secret');
  return JSON.parse(body) as WebhookPayload<TData>;
}
