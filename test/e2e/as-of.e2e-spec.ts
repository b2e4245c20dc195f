import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSeedMusicLibrary } from '../support/seed-library';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';
const RICK = 'never gonna give you up rick astley';

/** Positions and times of the writes, as their answers and the history tell them. */
interface Moments {
  registered: number;
  prefixBang: number;
  prefixQuestion: number;
  firstTrack: number;
  volume: number;
  secondTrack: number;
}

describe('state as of a moment (?as_of=)', () => {
  let t: TestApp;
  let restoreEnv: () => void;
  let authorization: string;
  const at = {} as Moments;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization } });
  const position = (res: { headers: Record<string, unknown> }) => Number(res.headers['x-guildhall-position']);

  before(async () => {
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp();
    authorization = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise', scopes: ['admin'] })).key}`;
    const { ownerId, memberCount, botCount, onlineCount, features } = HEXIFY_PROFILE;
    const profile = { name: 'Before', owner_id: ownerId, member_count: memberCount, bot_count: botCount };
    at.registered = position(
      await call('PUT', `/v1/servers/${SERVER}`, { ...profile, online_count: onlineCount, features }),
    );
    at.prefixBang = position(await call('PATCH', `/v1/servers/${SERVER}/settings`, { prefix: '!' }));
    at.prefixQuestion = position(await call('PATCH', `/v1/servers/${SERVER}/settings`, { prefix: '?' }));
    const play = { query: RICK, source: 'youtube', requested_by: ownerId };
    at.firstTrack = position(await call('POST', `/v2/servers/${SERVER}/music/play`, play));
    at.volume = position(await call('PUT', `/v1/servers/${SERVER}/music/volume`, { volume: 45 }));
    at.secondTrack = position(await call('POST', `/v2/servers/${SERVER}/music/play`, play));
    for (const p of Object.values(at)) assert.ok(Number.isInteger(p), JSON.stringify(at));
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  it('given two prefix changes, when read as of each position, then the prefix before and after each change', async () => {
    const prefixAt = async (p: number) =>
      (await call('GET', `/v1/servers/${SERVER}?as_of=${p}`)).json().settings.prefix;
    assert.equal(await prefixAt(at.registered), 'h!');
    assert.equal(await prefixAt(at.prefixBang - 1), 'h!');
    assert.equal(await prefixAt(at.prefixBang), '!');
    assert.equal(await prefixAt(at.prefixQuestion - 1), '!');
    assert.equal(await prefixAt(at.prefixQuestion), '?');
    // The as-of view is the live one at the head: the same fold the read model runs.
    const live = (await call('GET', `/v1/servers/${SERVER}`)).json();
    assert.deepEqual((await call('GET', `/v1/servers/${SERVER}?as_of=${at.secondTrack}`)).json(), live);
  });

  it('given the history, when read as of the time of the first change, then the server as it was then', async () => {
    const history = (await call('GET', `/v1/servers/${SERVER}/events`)).json().events as {
      type: string;
      time: string;
      position: number;
    }[];
    const change = history.find((e) => e.position === at.prefixBang)!;
    const res = await call('GET', `/v1/servers/${SERVER}?as_of=${encodeURIComponent(change.time)}`);
    assert.equal(res.statusCode, 200);
    // Both changes may share a millisecond; the later one is in only if its time is the same.
    const second = history.find((e) => e.position === at.prefixQuestion)!;
    assert.equal(res.json().settings.prefix, second.time === change.time ? '?' : '!');
    assert.equal(res.json().revision >= 1, true);
  });

  it('given a moment before the server existed, when read, then 404 on every as-of read', async () => {
    for (const asOf of [String(at.registered - 1), '2001-01-01T00:00:00Z', '2001-01-01']) {
      for (const url of [
        `/v1/servers/${SERVER}`,
        `/v2/servers/${SERVER}`,
        `/v1/servers/${SERVER}/music/queue`,
        `/v2/servers/${SERVER}/music/queue`,
      ]) {
        const res = await call('GET', `${url}?as_of=${asOf}`);
        assert.equal(res.statusCode, 404, `${url} as of ${asOf}`);
      }
    }
  });

  it('given a future time or a position past the end, when read, then the current state', async () => {
    const live = (await call('GET', `/v2/servers/${SERVER}`)).json();
    assert.deepEqual((await call('GET', `/v2/servers/${SERVER}?as_of=2999-01-01T00:00:00Z`)).json(), live);
    assert.deepEqual((await call('GET', `/v2/servers/${SERVER}?as_of=999999999`)).json(), live);
  });

  it('given a queue that grew, when read as of each write, then the queue and volume as they were', async () => {
    const queueAt = async (p: number) =>
      (await call('GET', `/v2/servers/${SERVER}/music/queue?as_of=${p}`)).json();
    assert.deepEqual(await queueAt(at.prefixQuestion), {
      current_track: null,
      queue: [],
      is_playing: false,
      volume: 100,
    });
    const first = await queueAt(at.firstTrack);
    assert.deepEqual(
      [first.queue.map((t: { title: string }) => t.title), first.volume],
      [['Never Gonna Give You Up'], 100],
    );
    assert.equal((await queueAt(at.volume)).volume, 45);
    assert.equal((await queueAt(at.volume)).queue.length, 1);
    assert.equal((await queueAt(at.secondTrack)).queue.length, 2);
    const canonical = (await call('GET', `/v1/servers/${SERVER}/music/queue?as_of=${at.firstTrack}`)).json();
    assert.deepEqual([canonical.queue.length, canonical.volume, canonical.revision], [1, 100, 0]);
  });

  it('given a malformed as_of, when read, then 400 naming as_of', async () => {
    for (const bad of [
      'yesterday',
      '2026-02-30',
      '2026-03-01T12:00:00',
      '-1',
      '1.5',
      '',
      '2026-03-01T25:00Z',
    ]) {
      for (const url of [`/v1/servers/${SERVER}`, `/v2/servers/${SERVER}/music/queue`]) {
        const res = await call('GET', `${url}?as_of=${encodeURIComponent(bad)}`);
        assert.equal(res.statusCode, 400, `${url} as of "${bad}"`);
        assert.match(res.json().message, /as_of/);
      }
    }
  });
});
