import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

const ID = '766045633697021975';

describe('response compression', () => {
  let t: TestApp;
  let authorization: string;
  before(async () => {
    t = await startTestApp();
    authorization = `Bearer ${(await t.issueKey('1', { tier: 'enterprise', scopes: ['admin'] })).key}`;
    await t.registerGuild(ID);
    for (const prefix of ['a!', 'b!', 'c!', 'd!', 'e!', 'f!']) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/v1/servers/${ID}/settings`,
        payload: { prefix },
        headers: { authorization },
      });
      assert.equal(res.statusCode, 200, res.body);
    }
  });
  after(() => t.close());

  const get = (url: string, encoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: { authorization, ...(encoding ? { 'accept-encoding': encoding } : {}) },
    });

  it('given an answer over 1 KiB and a client accepting gzip, then it is gzipped and unzips to the same JSON', async () => {
    const plain = await get(`/v1/servers/${ID}/events`);
    assert.ok(plain.rawPayload.length > 1024, `the history is ${plain.rawPayload.length} bytes`);
    assert.equal(plain.headers['content-encoding'], undefined);

    const zipped = await get(`/v1/servers/${ID}/events`, 'gzip');
    assert.equal(zipped.statusCode, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(zipped.rawPayload.length < plain.rawPayload.length);
    assert.deepEqual(JSON.parse(gunzipSync(zipped.rawPayload).toString()), plain.json());
  });

  it('given an answer under 1 KiB, then it is sent as is', async () => {
    const small = await get(`/v1/servers/${ID}`, 'gzip');
    assert.equal(small.statusCode, 200);
    assert.ok(small.rawPayload.length < 1024);
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(small.json().id, ID);
  });
});

describe('response compression turned off', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ compressionMinBytes: 0 });
  });
  after(() => t.close());

  it('given COMPRESSION_MIN_BYTES=0, then even the large OpenAPI document is sent uncompressed', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/docs/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
  });
});
