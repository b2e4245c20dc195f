import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventStore } from '#eventstore';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const OWNER = '210987654321098765';

describe('X-Guildhall-Min-Position', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await startTestApp({ readYourWritesTimeoutMs: 150 });
    await t.registerGuild(GUILD);
    key = (await t.issueKey(OWNER)).key;
  });
  after(() => t.close());

  const read = (minPosition: number) =>
    t.app.inject({
      method: 'GET',
      url: `/v2/servers/${GUILD}`,
      headers: { authorization: `Bearer ${key}`, 'x-guildhall-min-position': String(minPosition) },
    });

  it('given a position past the head, when a read asks for it, then 503 with Retry-After after the timeout, not stale data', async () => {
    const head = await t.app.get(EventStore).headPosition();
    const res = await read(head + 1_000);
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.headers['retry-after'], '1');
    assert.equal(res.json().code, 'position_not_reached');
    assert.equal(res.json().name, undefined, 'no server data in the body');
  });

  it('given a position the read model has reached, when a read asks for it, then 200', async () => {
    const head = await t.app.get(EventStore).headPosition();
    assert.equal((await read(head)).statusCode, 200);
  });

  it('given a write, when it answers, then it is 200 with its position (a write never waits into a 503)', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/v1/servers/${GUILD}/settings`,
      headers: { authorization: `Bearer ${key}` },
      payload: { prefix: '?' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(Number(res.headers['x-guildhall-position']) > 0);
  });
});
