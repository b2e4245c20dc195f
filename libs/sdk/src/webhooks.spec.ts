import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook, WebhookVerificationError } from './webhooks';

const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const OTHER = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
const body = JSON.stringify({
  type: 'SettingsChanged',
  timestamp: '2026-01-01T00:00:00.000Z',
  data: { guild_id: '1' },
});

/** Headers signed by the Standard Webhooks reference implementation. */
function signed(secrets: string[], at = new Date(), id = 'msg_1') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}

describe('verifyWebhook (SDK, receiver side)', () => {
  it('given a delivery signed to the Standard Webhooks algorithm, then it answers the parsed body', async () => {
    const payload = await verifyWebhook(SECRET, body, signed([SECRET]));
    assert.equal(payload.type, 'SettingsChanged');
  });

  it('given a rotation (two signatures), then either secret verifies; with Headers too', async () => {
    const headers = signed([OTHER, SECRET]);
    await verifyWebhook(SECRET, body, headers);
    await verifyWebhook(OTHER, body, new Headers(headers));
  });

  it('given a changed body, another secret, a stale timestamp or a missing header, then it refuses', async () => {
    const headers = signed([SECRET]);
    await assert.rejects(
      verifyWebhook(SECRET, body.replace('"1"', '"2"'), headers),
      WebhookVerificationError,
    );
    await assert.rejects(verifyWebhook(OTHER, body, headers), WebhookVerificationError);
    const old = signed([SECRET], new Date(Date.now() - 10 * 60_000));
    await assert.rejects(verifyWebhook(SECRET, body, old), /timestamp/);
    await assert.rejects(verifyWebhook(SECRET, body, { ...headers, 'webhook-id': undefined }), /webhook-id/);
  });
});
