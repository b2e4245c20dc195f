import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { text } from 'node:stream/consumers';
import { AllowList } from './allow-list';
import { OutboundFetchError, OutboundRefusedError } from './outbound-errors';
import { OutboundGuard, type ResolvedAddress } from './outbound-guard';
import { countingServer, type CountingServer } from './testing/counting-server';

describe('OutboundGuard.fetch against local servers', () => {
  let allowed: CountingServer;
  let forbidden: CountingServer;
  before(async () => {
    // 127.0.0.2 is loopback too (all of 127/8 is), but only 127.0.0.1 is allow-listed below.
    forbidden = await countingServer('127.0.0.2', (_req, res) => res.end('secret'));
    allowed = await countingServer('127.0.0.1', (req, res) => {
      if (req.url === '/to-forbidden') return res.writeHead(302, { location: `${forbidden.base}/` }).end();
      if (req.url === '/to-self') return res.writeHead(307, { location: '/hello' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/big') return res.end('x'.repeat(5_000));
      if (req.url === '/silent') return; // accepts, never answers
      if (req.url === '/hook') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        return req.on('end', () => res.end(`${req.method} ${Buffer.concat(chunks).toString()}`));
      }
      if (req.url === '/see-other') return res.writeHead(303, { location: '/hook' }).end();
      res.end(`hello from ${req.headers.host}`);
    });
  });
  after(async () => {
    await allowed.close();
    await forbidden.close();
  });
  const guard = (resolve?: (host: string) => Promise<ResolvedAddress[]>) =>
    new OutboundGuard({ allowList: AllowList.parse('127.0.0.1'), resolve });

  it('given an allow-listed host, when fetched, then the body arrives', async () => {
    const response = await guard().fetch(`${allowed.base}/hello`);
    assert.equal(response.status, 200);
    assert.match(await text(response.body), /^hello from 127\.0\.0\.1:/);
  });

  it('given a loopback address that is not allow-listed, when fetched, then it is refused and nothing connects', async () => {
    await assert.rejects(guard().fetch(`${forbidden.base}/`), OutboundRefusedError);
    assert.equal(forbidden.connections(), 0);
  });

  it('given an allowed first hop redirecting into loopback, when fetched, then the redirect is refused before connecting', async () => {
    await assert.rejects(guard().fetch(`${allowed.base}/to-forbidden`), (e: Error) => {
      assert.ok(e instanceof OutboundRefusedError);
      assert.equal(e.url, `${forbidden.base}/`);
      return true;
    });
    assert.equal(forbidden.connections(), 0);
  });

  it('given a redirect within the allowed host, when fetched, then it is followed', async () => {
    const response = await guard().fetch(`${allowed.base}/to-self`);
    assert.equal(response.url.pathname, '/hello');
    assert.match(await text(response.body), /hello/);
  });

  it('given endless redirects, when fetched, then it stops at the limit', async () => {
    await assert.rejects(guard().fetch(`${allowed.base}/loop`, { maxRedirects: 3 }), /more than 3 redirects/);
  });

  it('given a name that resolves to an allowed address, then to another (rebinding), when fetched, then the connection goes to the checked address', async () => {
    const answers = ['127.0.0.1', '127.0.0.2'];
    let lookups = 0;
    const rebinding = async () => [{ address: answers[Math.min(lookups++, 1)], family: 4 }];
    const response = await guard(rebinding).fetch(`http://media.test:${allowed.port}/hello`);
    assert.match(await text(response.body), /^hello from media\.test:/);
    assert.equal(lookups, 1);
    assert.equal(forbidden.connections(), 0);
  });

  it('given a POST with a body (a webhook), when sent, then the server receives it; a 303 turns it into a GET', async () => {
    const post = { method: 'POST', body: '{"event":"x"}', headers: { 'content-type': 'application/json' } };
    assert.equal(await text((await guard().fetch(`${allowed.base}/hook`, post)).body), 'POST {"event":"x"}');
    assert.equal(await text((await guard().fetch(`${allowed.base}/see-other`, post)).body), 'GET ');
  });

  it('given a body over the size cap, when read, then reading fails', async () => {
    const response = await guard().fetch(`${allowed.base}/big`, { maxBytes: 1_000 });
    await assert.rejects(text(response.body), /larger than 1000 bytes/);
  });

  it('given a server that never answers, when fetched, then it fails after the timeout', async () => {
    const started = Date.now();
    await assert.rejects(guard().fetch(`${allowed.base}/silent`, { timeoutMs: 300 }), OutboundFetchError);
    assert.ok(Date.now() - started < 2_000);
  });
});
