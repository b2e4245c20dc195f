import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countingServer, type CountingServer } from '#outbound/testing/counting-server';
import { MusicTrackResolver } from '#music';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';
const LIMITS = {
  MUSIC_PROBE_CONCURRENCY: '2',
  MUSIC_PROBE_QUEUE: '4',
  MUSIC_PROBE_PER_CALLER: '3',
  MUSIC_PROBE_TIMEOUT_MS: '500',
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
};

/** 30 plays at once of a URL whose server accepts connections and never answers. */
describe('music probing is bounded per process and per key', () => {
  let silent: CountingServer;
  let t: TestApp;
  let keys: string[];

  before(async () => {
    silent = await countingServer('127.0.0.1', () => {
      // never answers
    });
    Object.assign(process.env, LIMITS);
    t = await startTestApp();
    await t.registerGuild(SERVER);
    keys = [];
    for (let i = 0; i < 3; i++) {
      keys.push(`Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`);
    }
  });
  after(async () => {
    for (const name of Object.keys(LIMITS)) delete process.env[name];
    await t.close();
    await silent.close();
  });

  const play = (authorization: string, n: number) =>
    t.app.inject({
      method: 'POST',
      url: `/v2/servers/${SERVER}/music/play`,
      headers: { authorization },
      payload: { query: `${silent.base}/never-${n}.mp3` },
    });

  it('given 30 concurrent plays of a URL that never answers, then 2 probe at a time, the excess gets 429/503 with Retry-After, and timeouts free the slots', async () => {
    // when: ten plays from each of three keys, all at once
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, n) => play(keys[Math.floor(n / 10)], n)),
    );
    // then
    const byStatus = (status: number) => responses.filter((r) => r.statusCode === status);
    const admitted = byStatus(404);
    const rejected = [...byStatus(429), ...byStatus(503)];
    assert.equal(admitted.length + rejected.length, 30, responses.map((r) => r.statusCode).join(','));
    assert.equal(admitted.length, 6, 'two running and four queued');
    assert.ok(byStatus(429).length > 0 && byStatus(503).length > 0);
    for (const res of rejected) {
      assert.equal(res.headers['retry-after'], '1');
      assert.equal(res.json().code, 'track_sources_busy');
    }
    assert.equal(t.app.get(MusicTrackResolver).limiter.stats().peak, 2);
    // The server never held more than two at once, and every admitted probe reached it: the
    // queued ones ran only because a timeout killed a probe and freed its slot.
    assert.equal(silent.peakSustained(), 2);
    assert.equal(silent.connections(), 6);
    // and the slots are free again
    assert.equal((await play(keys[0], 99)).statusCode, 404);
  });
});
