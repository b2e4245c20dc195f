import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../support/webhook-receiver';

const OWNER = '210987654321098765';
const GUILD = '123456789012345678';
const OTHER_OWNER = '460177285954142208';

/** Standard Webhooks verification, as a receiver does it (throws on a bad signature or a stale timestamp). */
const verify = (secret: string, got: ReceivedWebhook) =>
  new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
    type: string;
    data: Record<string, unknown>;
  };

describe('webhooks: endpoints, signed deliveries, rotation, redelivery', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let auth: { authorization: string };
  let webhookId: string;
  let secret: string;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = auth) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const base = `/v1/servers/${GUILD}/webhooks`;

  before(async () => {
    // The receiver listens on loopback: only the operator's allow-list lets a delivery reach it.
    process.env.OUTBOUND_ALLOWED_HOSTS = '127.0.0.1';
    t = await startTestApp();
    receiver = await startWebhookReceiver();
    await t.registerGuild(GUILD, { ownerId: OWNER });
    auth = { authorization: `Bearer ${(await t.issueKey(OWNER)).key}` };
  });
  after(async () => {
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    await receiver.close();
    await t.close();
  });

  it('given the owner, when an endpoint is created, then 201 with a whsec_ secret shown once, and list and get never show it', async () => {
    const res = await call('POST', base, {
      url: receiver.url,
      events: ['SettingsChanged', 'WebhookSecretRotated'],
      description: 'audit',
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.match(body.id, /^wh_[0-9a-f]{24}$/);
    assert.deepEqual(
      { url: body.url, events: body.events, enabled: body.enabled, guild_id: body.guild_id },
      {
        url: receiver.url,
        events: ['SettingsChanged', 'WebhookSecretRotated'],
        enabled: true,
        guild_id: GUILD,
      },
    );
    ({ id: webhookId, secret } = body);
    const list = await call('GET', base);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().webhooks.map((w: { id: string }) => w.id),
      [webhookId],
    );
    const one = await call('GET', `${base}/${webhookId}`);
    assert.equal(one.statusCode, 200);
    assert.ok(!one.body.includes('secret"') && !list.body.includes(secret));
  });

  it('given an endpoint, when the settings change, then the receiver gets the event signed to the Standard Webhooks algorithm', async () => {
    const before = receiver.received.length;
    const res = await call('PATCH', `/v1/servers/${GUILD}/settings`, { prefix: '?' });
    assert.equal(res.statusCode, 200, res.body);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    const payload = verify(secret, got);
    assert.equal(payload.type, 'SettingsChanged');
    assert.equal(payload.data.guild_id, GUILD);
    assert.equal(payload.data.stream, `guild-${GUILD}`);
    assert.equal(payload.data.position, Number(res.headers['x-guildhall-position']));
    assert.deepEqual((payload.data.data as { changes: unknown }).changes, { prefix: '?' });
    assert.match(String(got.headers['webhook-id']), /^msg_[0-9a-f]{32}$/);
    assert.throws(
      () => verify('whsec_' + Buffer.alloc(32).toString('base64'), got),
      'another secret must not verify',
    );
  });

  it('given a rotation, then deliveries carry two signatures, and both the old and the new secret verify', async () => {
    const before = receiver.received.length;
    const res = await call('POST', `${base}/${webhookId}/rotate-secret`);
    assert.equal(res.statusCode, 200, res.body);
    const rotated = res.json();
    assert.notEqual(rotated.secret, secret);
    assert.ok(Date.parse(rotated.previous_secret_expires_at) - Date.now() > 23.9 * 3_600_000);
    assert.equal((await call('PATCH', `/v1/servers/${GUILD}/settings`, { prefix: '$' })).statusCode, 200);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    const signatures = String(got.headers['webhook-signature']).split(' ');
    assert.equal(signatures.length, 2);
    assert.ok(signatures.every((s) => s.startsWith('v1,')));
    assert.equal(verify(rotated.secret, got).type, 'SettingsChanged');
    assert.equal(verify(secret, got).type, 'SettingsChanged');
    secret = rotated.secret;
  });

  it('given a delivered message, when redelivered, then the receiver gets it again with the same webhook-id', async () => {
    const list = await call('GET', `${base}/${webhookId}/deliveries?limit=500`);
    assert.equal(list.statusCode, 200, list.body);
    const first = list.json().deliveries[0];
    assert.equal(first.status, 'delivered');
    assert.equal(first.status_code, 200);
    assert.equal(first.attempts, 1);
    const before = receiver.received.length;
    const res = await call('POST', `${base}/${webhookId}/deliveries/${first.id}/redeliver`);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().message_id, first.message_id);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    assert.equal(got.headers['webhook-id'], first.message_id);
    assert.equal(verify(secret, got).type, 'SettingsChanged');
  });

  it('given an endpoint, when a test is sent, then a signed WebhookTest arrives', async () => {
    const before = receiver.received.length;
    const res = await call('POST', `${base}/${webhookId}/test`);
    assert.equal(res.statusCode, 201, res.body);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    assert.deepEqual(verify(secret, got).data, {
      guild_id: GUILD,
      webhook_id: webhookId,
      message: 'Guildhall webhook test delivery',
    });
  });

  it("given the guild's history, then each change is an event there and no secret is in it", async () => {
    const res = await call(
      'GET',
      `/v1/servers/${GUILD}/events?type=WebhookEndpointCreated,WebhookSecretRotated`,
    );
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().events.map((e: { type: string }) => e.type),
      ['WebhookEndpointCreated', 'WebhookSecretRotated'],
    );
    assert.ok(!res.body.includes(secret) && !res.body.includes('whsec_'));
  });

  it("given a second endpoint for all events, then it is told of the first one's changes, without any secret", async () => {
    const second = await startWebhookReceiver();
    try {
      const created = await call('POST', base, { url: second.url, events: ['*'] });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await call('PATCH', `${base}/${webhookId}`, { description: 'renamed' })).statusCode, 200);
      const [got] = await second.waitFor(1);
      const payload = verify(created.json().secret, got);
      assert.equal(payload.type, 'WebhookEndpointUpdated');
      assert.deepEqual(payload.data.data, { guildId: GUILD, webhookId, changes: { description: 'renamed' } });
      assert.equal((await call('POST', `${base}/${webhookId}/rotate-secret`)).statusCode, 200);
      const [, rotated] = await second.waitFor(2);
      assert.equal(JSON.parse(rotated.body).type, 'WebhookSecretRotated');
      assert.ok(!rotated.body.includes('"secret"'), 'the sealed secret stays out of payloads');
      assert.equal((await call('DELETE', `${base}/${created.json().id}`)).statusCode, 204);
    } finally {
      await second.close();
    }
  });

  it('given /health, then it reports the delivery: running, caught up, nothing left to send', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
    const webhooks = health.json().details.webhooks;
    assert.equal(webhooks.status, 'up');
    assert.equal(webhooks.delivering, true);
    assert.equal(typeof webhooks.checkpoint, 'number');
    assert.equal(typeof webhooks.pending, 'number');
  });

  it('given bad input, then 400 naming the field; another owner 403; an unknown id 404', async () => {
    const badUrl = await call('POST', base, { url: 'ftp://example.com', events: ['*'] });
    assert.equal(badUrl.statusCode, 400);
    assert.equal(badUrl.json().field, 'url');
    const badEvent = await call('POST', base, { url: receiver.url, events: ['Nope'] });
    assert.equal(badEvent.statusCode, 400);
    assert.equal(badEvent.json().field, 'events');
    assert.equal((await call('GET', `${base}/not-an-id`)).statusCode, 400);
    assert.equal((await call('PATCH', `${base}/${webhookId}`, {})).statusCode, 400);
    assert.equal((await call('GET', `${base}/wh_${'0'.repeat(24)}`)).statusCode, 404);
    const stranger = { authorization: `Bearer ${(await t.issueKey(OTHER_OWNER)).key}` };
    assert.equal((await call('GET', base, undefined, stranger)).statusCode, 403);
    assert.equal((await call('POST', base, { url: receiver.url, events: ['*'] }, stranger)).statusCode, 403);
  });

  it('given a URL the outbound guard refuses (a loopback address not allowed), then the attempt fails and is retried later', async () => {
    const created = await call('POST', base, { url: 'http://127.0.0.2:9/x', events: ['*'] });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    assert.equal((await call('POST', `${base}/${id}/test`)).statusCode, 201);
    let delivery: { status: string; attempts: number; error: string; next_attempt_at: string } | undefined;
    for (let i = 0; i < 100 && !delivery?.attempts; i++) {
      await new Promise((r) => setTimeout(r, 20));
      delivery = (await call('GET', `${base}/${id}/deliveries`)).json().deliveries[0];
    }
    assert.equal(delivery?.status, 'pending');
    assert.equal(delivery?.attempts, 1);
    assert.match(delivery?.error ?? '', /127\.0\.0\.2|private|loopback|not allowed/i);
    assert.ok(Date.parse(delivery!.next_attempt_at) > Date.now());
    assert.equal((await call('DELETE', `${base}/${id}`)).statusCode, 204);
    const cancelled = await call('GET', `${base}/${id}`);
    assert.equal(cancelled.statusCode, 404);
  });
});
