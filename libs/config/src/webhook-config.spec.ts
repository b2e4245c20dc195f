import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWebhookConfig } from './webhook-config';

describe('loadWebhookConfig', () => {
  it('given an empty environment, then deliveries run with a 10 s timeout, 64 KiB cap, 64 at once and a key file', () => {
    assert.deepEqual(loadWebhookConfig({}), {
      deliver: true,
      timeoutMs: 10_000,
      maxResponseBytes: 65_536,
      concurrency: 64,
      secretKey: undefined,
    });
  });

  it('given a 32-byte base64 key, then it seals the secrets', () => {
    const raw = Buffer.alloc(32, 7).toString('base64');
    assert.deepEqual(loadWebhookConfig({ WEBHOOK_SECRET_KEY: raw }).secretKey, Buffer.alloc(32, 7));
  });

  it('given a short key or a zero concurrency, then it fails naming the variable', () => {
    assert.throws(() => loadWebhookConfig({ WEBHOOK_SECRET_KEY: 'c2hvcnQ=' }), /WEBHOOK_SECRET_KEY/);
    assert.throws(() => loadWebhookConfig({ WEBHOOK_CONCURRENCY: '0' }), /WEBHOOK_CONCURRENCY/);
  });
});
