import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  issueAdminKeyWithCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { parseRawResponse, stalledRequest } from '../support/stalled-request';

const REQUEST_TIMEOUT_MS = 1_500;

/** A body of `count` distinct unknown fields, each `"xyz":1`: about 8 bytes a field. */
function manyFields(count: number): string {
  const alphabet = [
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=!@#$%^&*()[]|;:,.<>?~',
  ];
  const n = alphabet.length;
  const names = Array.from(
    { length: count },
    (_, i) => alphabet[i % n] + alphabet[Math.floor(i / n) % n] + alphabet[Math.floor(i / (n * n))],
  );
  return `{"rating":5,${names.map((name) => `"${name}":1`).join(',')}}`;
}

describe('hostile input over real sockets', () => {
  let dataDir: string;
  let server: ServerProcess;
  let key: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-hostile-'));
    key = await issueAdminKeyWithCli(dataDir);
    server = await startServerProcess(dataDir, await freePort(), {
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_HEADERS_TIMEOUT_MS: '1000',
    });
  });
  after(async () => {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given bodies of 120,000 unknown fields, then each is a short 400 within a second while /health keeps answering', async (t) => {
    // given
    const body = manyFields(120_000);
    assert.ok(body.length > 900_000 && body.length < 1_048_576, `body is ${body.length} bytes`);
    const healthLatencies: number[] = [];
    let attacking = true;
    const probe = (async () => {
      while (attacking) {
        const started = performance.now();
        assert.equal((await fetch(`${server.url}/health`)).status, 200);
        healthLatencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // when: five arrive at once, as a client hammering the server would send them
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const res = await fetch(`${server.url}/v1/bots/123/reviews`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body,
        });
        return { status: res.status, text: await res.text(), ms: performance.now() - started };
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    attacking = false;
    await probe;
    // then
    for (const answer of answers) {
      assert.equal(answer.status, 400);
      assert.ok(answer.ms < 1_000, `answered after ${answer.ms.toFixed(0)} ms`);
      assert.ok(answer.text.length < 1_024, `a ${answer.text.length}-byte answer`);
      assert.deepEqual(JSON.parse(answer.text), {
        statusCode: 400,
        error: 'Bad Request',
        message: 'An object in the request body has more than 100 fields',
      });
    }
    assert.ok(healthLatencies.length >= 2, 'the /health probe ran during the attack');
    const worst = Math.max(...healthLatencies);
    const slowest = Math.max(...answers.map((a) => a.ms));
    t.diagnostic(
      `slowest 400: ${slowest.toFixed(0)} ms; /health worst of ${healthLatencies.length}: ${worst.toFixed(1)} ms`,
    );
    assert.ok(worst < 500, `/health took up to ${worst.toFixed(0)} ms during the attack`);
  });

  it('given a body nested 3,000 levels deep, then 400 naming the limit, never 500', async (t) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/v1/bots/123/reviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: `{"rating":5,"text":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    });
    assert.equal(res.status, 400);
    assert.equal(
      ((await res.json()) as { message: string }).message,
      'The request body is nested more than 32 levels deep',
    );
    t.diagnostic(`answered in ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('given keyless requests announcing a megabyte and sending ten bytes, then each is refused with 401 at once and its connection closed', async () => {
    // when: fifty of them, as a client trying to hold the server's memory would send
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        stalledRequest(
          server.url,
          'POST /v1/bots/123/reviews HTTP/1.1\r\nHost: guildhall\r\nContent-Type: application/json\r\nContent-Length: 1000000',
          { bodyStart: '{"rating":', waitMs: 3_000 },
        ),
      ),
    );
    // then
    for (const { response, closedAfterMs } of outcomes) {
      assert.ok(closedAfterMs !== null && closedAfterMs < 1_000, `closed after ${closedAfterMs} ms`);
      assert.ok(response, 'the server answered before closing');
      assert.deepEqual(parseRawResponse(response), {
        status: 401,
        body: {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Missing API key: send Authorization: Bearer <key>',
        },
      });
    }
  });

  it('given a revoked-looking key on a Bots on Discord body route, then the same 401 the guard gives, before the body', async () => {
    const { response, closedAfterMs } = await stalledRequest(
      server.url,
      'POST /bot-api/bots/123/guilds HTTP/1.1\r\nHost: guildhall\r\nAuthorization: ghk_0000000000000000_nope\r\nContent-Type: application/json\r\nContent-Length: 1000000',
      { bodyStart: '{', waitMs: 3_000 },
    );
    assert.ok(closedAfterMs !== null && closedAfterMs < 1_000, `closed after ${closedAfterMs} ms`);
    assert.equal(parseRawResponse(response ?? '').status, 401);
    assert.equal(parseRawResponse(response ?? '').body.message, 'Invalid or revoked API key');
  });

  it('given a valid key and a body that trickles in, then 408 in the usual error shape once the request timeout passes', async () => {
    const { response, closedAfterMs } = await stalledRequest(
      server.url,
      `POST /v1/bots/123/reviews HTTP/1.1\r\nHost: guildhall\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 1000000`,
      { bodyStart: '{"rating":', waitMs: 8_000, dripEveryMs: 100 },
    );
    assert.ok(closedAfterMs !== null, 'the server never gave up on the slow body');
    assert.ok(closedAfterMs >= REQUEST_TIMEOUT_MS - 100, `closed after only ${closedAfterMs} ms`);
    assert.ok(closedAfterMs < REQUEST_TIMEOUT_MS + 2_500, `closed after ${closedAfterMs} ms`);
    const { status, body } = parseRawResponse(response ?? '');
    assert.equal(status, 408);
    assert.equal(body.statusCode, 408);
    assert.equal(body.error, 'Request Timeout');
    assert.match(String(body.message), /whole request within 1500 ms/);
  });

  it('given request headers past the 16 KiB Node accepts, then 431 in the usual error shape', async () => {
    const res = await fetch(`${server.url}/health`, { headers: { 'x-padding': 'x'.repeat(20_000) } });
    assert.equal(res.status, 431);
    assert.deepEqual(await res.json(), {
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message: 'The request line and headers together are too large',
    });
  });
});
