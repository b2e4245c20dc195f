import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../support/server-process';

describe('keys never reach the logs', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-logs-'));
  });
  after(async () => {
    await server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given request logging at debug level, when keyed requests come in, then no key appears in the output', async () => {
    const issued = await runCli(dataDir, ['keys', 'issue', '--user', '1', '--scope', 'admin', '--json']);
    assert.equal(issued.code, 0, issued.stderr);
    const { key } = JSON.parse(issued.stdout.trim().split('\n').at(-1)!) as { key: string };
    server = await startServerProcess(dataDir, await freePort(), {
      LOG_LEVEL: 'debug',
      LOG_REQUESTS: 'true',
    });
    for (const url of ['/v1/keys', '/v1/servers/1', '/v2/servers/abc']) {
      await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${key}` } });
    }
    const answer = await fetch(`${server.url}/v1/keys`, {
      headers: { authorization: `Bearer ${key}`, 'x-request-id': 'logged-request-7' },
    });
    assert.equal(answer.headers.get('x-request-id'), 'logged-request-7');
    await new Promise((r) => setTimeout(r, 200));
    const output = server.output();
    assert.match(output, /request completed/, 'request lines were logged');
    const ofRequest = output.split('\n').filter((line) => line.includes('"url":"/v1/keys"'));
    assert.ok(
      ofRequest.some((line) => line.includes('"id":"logged-request-7"')),
      'the request line carries the X-Request-Id',
    );
    assert.ok(!output.includes(key.split('_')[2]), 'the key secret was logged');
  });
});
