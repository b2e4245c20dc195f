import { finished } from 'node:stream/promises';
import { guardedFetch, type OutboundGuard } from '#outbound';
import type { AttemptRecord } from './delivery-store';
import type { DeliveryRow } from './delivery-tables';
import { signDelivery } from './signature';

export interface SendLimits {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/**
 * One signed POST of a delivery through the outbound guard (private addresses refused unless allowed).
 * Redirects are not followed: a receiver that moved must be updated, and following a 302 would turn
 * the POST into a GET. The response body is read up to the cap and dropped; only the status matters.
 */
export async function sendAttempt(
  guard: OutboundGuard,
  url: string,
  delivery: DeliveryRow,
  keys: readonly Buffer[],
  at: number,
  limits: SendLimits,
): Promise<AttemptRecord & { readonly ok: boolean }> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Guildhall-Webhooks/1',
    ...signDelivery(delivery.message_id, Math.floor(at / 1000), delivery.body, keys),
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await guardedFetch(guard, url, {
      method: 'POST',
      headers,
      body: delivery.body,
      timeoutMs: limits.timeoutMs,
      idleTimeoutMs: limits.timeoutMs,
      maxBytes: limits.maxResponseBytes,
      maxRedirects: 0,
    });
    // Draining the body lets the cap and the idle timeout apply; an oversized answer fails the attempt.
    await finished(response.body.resume());
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      at,
      statusCode: response.status,
      durationMs: elapsed(),
      error: ok ? null : `HTTP ${response.status}`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, at, statusCode: null, durationMs: elapsed(), error: message.slice(0, 500) };
  }
}
