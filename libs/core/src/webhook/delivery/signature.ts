import { createHmac } from 'node:crypto';

/** The three Standard Webhooks headers of one delivery attempt. */
export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** The raw key of a `whsec_…` secret (the part after the prefix is base64). */
export const secretKeyOf = (secret: string): Buffer =>
  Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');

/**
 * Standard Webhooks signing: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space
 * separated, so a receiver holding either the old or the new secret during a rotation accepts it.
 */
export function signDelivery(
  messageId: string,
  timestampSeconds: number,
  body: string,
  keys: readonly Buffer[],
): SignedHeaders {
  const content = `${messageId}.${timestampSeconds}.${body}`;
  const signatures = keys.map((key) => `v1,${createHmac('sha256', key).update(content).digest('base64')}`);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signatures.join(' '),
  };
}
