import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type WebhookReceiver } from '#test/support/webhook-receiver';
import { WebhookSecretBox } from '../secrets/webhook-secret-box';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry-schedule';
import { DeliveryHarness, until } from './testing/delivery-harness';
import { ManualClock } from './testing/manual-clock';

const GUILD = '123456789012345678';
const HOOK = 'wh_000000000000000000000001';
const prefixOf = (body: string) =>
  (JSON.parse(body) as { data: { data: { changes: { prefix: string } } } }).data.data.changes.prefix;

describe('webhook dispatcher: retries on an injectable clock', () => {
  let receiver: WebhookReceiver;
  let clock: ManualClock;
  let h: DeliveryHarness;
  let secret: string;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    clock = new ManualClock();
    // No jitter: the random source sits in the middle of ±20 %, so each delay is the schedule's own.
    h = new DeliveryHarness({ clock, random: () => 0.5, timeoutMs: 300 });
    secret = await h.createEndpoint(GUILD, HOOK, receiver.url);
    h.start();
  });
  afterEach(async () => {
    await h.close();
    await receiver.close();
  });

  const head = () => h.rows(HOOK)[0];
  /** Moves the clock to the head's next attempt and waits for that attempt to be recorded. */
  const nextAttempt = async () => {
    const { attempts, next_attempt_at: due } = head();
    clock.advanceTo(due!);
    await until(() => head().attempts > attempts, `attempt ${attempts + 1}`);
  };

  it('given 500s, then it retries with growing delays, keeps later events waiting behind, and delivers in order', async () => {
    receiver.answer = (_got, index) => (index < 3 ? 500 : 200);
    await h.appendGuildEvent(GUILD, 1);
    await h.appendGuildEvent(GUILD, 2);
    await until(() => head()?.attempts === 1, 'the first attempt');
    const waits: number[] = [];
    for (let failed = 1; failed <= 3; failed++) {
      const row = head();
      waits.push(row.next_attempt_at! - row.last_attempt_at!);
      // A moment before the retry is due nothing is sent.
      clock.advance(row.next_attempt_at! - clock.now() - 1);
      await new Promise((r) => setTimeout(r, 30));
      assert.equal(receiver.received.length, failed, `no early retry after failure ${failed}`);
      await nextAttempt();
    }
    assert.deepEqual(waits, RETRY_DELAYS_MS.slice(0, 3));
    await receiver.waitFor(5);
    assert.deepEqual(
      receiver.received.map((r) => prefixOf(r.body)),
      ['!1', '!1', '!1', '!1', '!2'],
    );
    // Every attempt of a message carries the same webhook-id, signed anew with its own timestamp.
    const ids = new Set(receiver.received.slice(0, 4).map((r) => r.headers['webhook-id']));
    assert.equal(ids.size, 1);
    const wh = new Webhook(secret);
    for (const got of receiver.received) {
      const stamp = new Date(Number(got.headers['webhook-timestamp']) * 1000);
      assert.equal(
        wh.sign(String(got.headers['webhook-id']), stamp, got.body),
        got.headers['webhook-signature'],
      );
    }
    await until(() => h.rows(HOOK).every((r) => r.status === 'delivered'), 'both delivered');
    assert.deepEqual(
      h.rows(HOOK).map((r) => r.attempts),
      [4, 1],
    );
  });

  it('given a rotation, then both secrets sign for 24 hours, and only the new one after', async () => {
    const sealed = WebhookSecretBox.generateSecret();
    await h.decide(GUILD, {
      type: 'RotateWebhookSecret',
      guildId: GUILD,
      webhookId: HOOK,
      secret: h.secrets.seal(sealed),
    });
    // The decider takes the wall clock's now; the manual clock started there too.
    await h.appendGuildEvent(GUILD, 1);
    const [during] = await receiver.waitFor(1);
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    new Webhook(sealed).verify(during.body, during.headers as Record<string, string>);
    new Webhook(secret).verify(during.body, during.headers as Record<string, string>);
    clock.advance(24 * 3_600_000 + 60_000);
    await h.appendGuildEvent(GUILD, 2);
    const [, later] = await receiver.waitFor(2);
    const signatures = String(later.headers['webhook-signature']).split(' ');
    assert.equal(signatures.length, 1);
    const stamp = new Date(Number(later.headers['webhook-timestamp']) * 1000);
    assert.equal(
      new Webhook(sealed).sign(String(later.headers['webhook-id']), stamp, later.body),
      signatures[0],
    );
  });

  it('given a receiver that never answers, then the attempt times out and is retried later', async () => {
    receiver.answer = (_got, index) => (index === 0 ? 'hang' : 204);
    await h.appendGuildEvent(GUILD, 1);
    await until(() => head()?.attempts === 1, 'the timed-out attempt');
    assert.equal(head().status, 'pending');
    assert.equal(head().last_status_code, null);
    assert.match(head().last_error ?? '', /too long|timed? ?out/i);
    assert.equal(head().next_attempt_at! - head().last_attempt_at!, RETRY_DELAYS_MS[0]);
    await nextAttempt();
    assert.equal(head().status, 'delivered');
    assert.equal(head().last_status_code, 204);
  });

  it('given an endpoint failing through the whole schedule, then it is disabled, the history says so, and new events are not queued', async () => {
    receiver.answer = () => 500;
    await h.appendGuildEvent(GUILD, 1);
    await until(() => head()?.attempts === 1, 'the first attempt');
    const start = clock.now();
    while (head().status === 'pending') await nextAttempt();
    assert.equal(head().status, 'failed');
    assert.equal(head().attempts, MAX_ATTEMPTS);
    assert.ok(clock.now() - start > 70 * 3_600_000, 'about three days of retries');
    const events = await h.webhookEvents(GUILD);
    const disabled = events.at(-1)!;
    assert.equal(disabled.type, 'WebhookEndpointDisabled');
    assert.deepEqual(disabled.data, {
      guildId: GUILD,
      webhookId: HOOK,
      reason: 'HTTP 500',
      failingSince: new Date(start).toISOString(),
    });
    // The reactor applies the disable; after it, a new event of the guild queues nothing for the endpoint.
    await until(() => h.reactor.checkpoint >= disabled.position, 'the reactor to apply the disable');
    await h.appendGuildEvent(GUILD, 2);
    const position = await h.appendGuildEvent(GUILD, 3);
    await until(() => h.reactor.checkpoint >= position, 'the reactor to pass the new events');
    assert.equal(h.rows(HOOK).length, 1);
    assert.equal(receiver.received.length, MAX_ATTEMPTS);
  });
});
