import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import {
  freePort,
  issueAdminKeyWithCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const GUILD = '123456';
const WRITERS = 4;
const ENV = { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' };

interface Delivered {
  readonly messageId: string;
  readonly position: number;
  readonly prefix: string;
}

describe('webhooks: SIGKILL mid-delivery, then restart', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let receiver: WebhookReceiver;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-webhook-crash-'));
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    await server?.kill('SIGKILL');
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given acknowledged writes while deliveries are in flight, then after the restart every one is delivered at least once, in order', async () => {
    const auth = {
      authorization: `Bearer ${await issueAdminKeyWithCli(dataDir)}`,
      'content-type': 'application/json',
    };
    const port = await freePort();
    server = await startServerProcess(dataDir, port, ENV);
    const put = await fetch(`${server.url}/v1/servers/${GUILD}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ name: 'Crash Test', owner_id: '123456', member_count: 10, bot_count: 1 }),
    });
    assert.equal(put.status, 200);
    const created = await fetch(`${server.url}/v1/servers/${GUILD}/webhooks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: receiver.url, events: ['SettingsChanged'] }),
    });
    assert.equal(created.status, 201);
    const { secret } = (await created.json()) as { secret: string };
    // A receiver a little slow to answer, so a delivery is most likely in flight when the process dies.
    receiver.answer = () => ({ status: 200, afterMs: 15 });

    // given: writers keep changing the prefix; each acknowledged value is remembered
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${server!.url}/v1/servers/${GUILD}/settings`, {
            method: 'PATCH',
            headers: auth,
            body: JSON.stringify({ prefix: `${w}-${i}` }),
          });
          if (res.status === 200) acknowledged.push(`${w}-${i}`);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writing = Array.from({ length: WRITERS }, (_, w) => writer(w));
    while (receiver.received.length < 40 || acknowledged.length < 120)
      await new Promise((r) => setTimeout(r, 5));

    // when: the process is killed mid-delivery, then restarted (the hung request dies with it)
    await server.kill('SIGKILL');
    const receivedBeforeKill = receiver.received.length;
    stop = true;
    await Promise.all(writing);
    receiver.answer = () => 200;
    server = await startServerProcess(dataDir, port, ENV);

    // then: every acknowledged write reaches the receiver, verified, in event order
    const wh = new Webhook(secret);
    const delivered = (): Delivered[] =>
      receiver.received.map((got) => {
        const payload = wh.verify(got.body, got.headers as Record<string, string>) as {
          data: { position: number; data: { changes: { prefix: string } } };
        };
        return {
          messageId: String(got.headers['webhook-id']),
          position: payload.data.position,
          prefix: payload.data.data.changes.prefix,
        };
      });
    const deadline = Date.now() + 30_000;
    let missing = acknowledged;
    while (missing.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const seen = new Set(delivered().map((d) => d.prefix));
      missing = acknowledged.filter((prefix) => !seen.has(prefix));
    }
    assert.deepEqual(
      missing,
      [],
      `${missing.length} of ${acknowledged.length} acknowledged events never delivered`,
    );
    assert.ok(
      receivedBeforeKill < acknowledged.length,
      'some acknowledged events were left for the restarted process',
    );
    const positions = delivered().map((d) => d.position);
    for (let i = 1; i < positions.length; i++) {
      assert.ok(
        positions[i] >= positions[i - 1],
        `delivery ${i} (position ${positions[i]}) came after ${positions[i - 1]}`,
      );
    }
    // At least once, and no more than that: only the message in flight at the kill comes twice.
    const ids = delivered().map((d) => d.messageId);
    const repeated = ids.length - new Set(ids).size;
    assert.ok(repeated <= 1, `${repeated} repeated deliveries`);
  });
});
