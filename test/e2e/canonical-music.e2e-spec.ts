import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startNextTrack } from '../support/player';
import { useSeedMusicLibrary } from '../support/seed-library';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const GUILD = '123456789012345678';
const CHANNEL = '987654321098765432';
const base = `/v1/servers/${GUILD}/music`;

describe('canonical /v1 music', () => {
  let t: TestApp;
  let authorization: string;
  let reader: string;
  let restoreEnv: () => void;
  before(async () => {
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp();
    await t.registerGuild(GUILD);
    authorization = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    reader = `Bearer ${(await t.issueKey('555555555555555555', { tier: 'enterprise' })).key}`;
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    payload?: unknown,
    auth = authorization,
  ) =>
    t.app.inject({
      method,
      url: `${base}${path}`,
      payload: payload as object,
      headers: { authorization: auth },
    });
  const titles = (body: { queue: { title: string }[] }) => body.queue.map((x) => x.title);

  it('given a guild with no player, when the queue is read, then an idle player with defaults', async () => {
    const res = await call('GET', '/queue');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      guild_id: GUILD,
      voice_channel_id: null,
      now_playing: null,
      is_playing: false,
      playback: { state: 'idle', source: null, voice_fault: null },
      queue: [],
      volume: 100,
      loop: 'off',
      fair_share: false,
      history: [],
      revision: -1,
    });
  });

  it('given nothing playing, when now-playing is read, then 404 nothing_playing', async () => {
    const res = await call('GET', '/now-playing');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'nothing_playing');
  });

  it('given tracks added at the end and next, when read, then the queue is in play order with snake_case tracks', async () => {
    assert.equal((await call('POST', '/queue', { query: 'never gonna give you up' })).statusCode, 201);
    assert.equal((await call('POST', '/queue', { query: 'bohemian rhapsody' })).statusCode, 201);
    const res = await call('POST', '/queue', {
      query: 'tuyo',
      placement: 'next',
      requested_by: '222222222222222222',
    });
    assert.equal(res.statusCode, 201);
    const body = res.json();
    assert.equal(body.kind, 'track');
    assert.deepEqual(Object.keys(body.added[0]).sort(), [
      'author',
      'duration_sec',
      'identifier',
      'is_stream',
      'requested_by',
      'source',
      'thumbnail',
      'title',
      'track_id',
      'uri',
    ]);
    assert.deepEqual(titles(body), ['Tuyo (Narcos Theme)', 'Never Gonna Give You Up', 'Bohemian Rhapsody']);
  });

  it('given a queued track, when moved to the end and then removed, then the queue follows', async () => {
    const { queue } = (await call('GET', '/queue')).json();
    const tuyo = queue[0].track_id;
    const moved = await call('PATCH', `/queue/${tuyo}`, { index: 2 });
    assert.equal(moved.statusCode, 200);
    assert.equal(titles(moved.json()).at(-1), 'Tuyo (Narcos Theme)');
    assert.equal((await call('PATCH', `/queue/${tuyo}`, { index: 9 })).statusCode, 400);
    const removed = await call('DELETE', `/queue/${tuyo}`);
    assert.equal(removed.statusCode, 200);
    assert.deepEqual(titles(removed.json()), ['Never Gonna Give You Up', 'Bohemian Rhapsody']);
    assert.equal((await call('DELETE', `/queue/${tuyo}`)).statusCode, 404);
  });

  it('given two queued tracks, when shuffled, then the same tracks remain', async () => {
    const res = await call('POST', '/queue/shuffle');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(titles(res.json()).sort(), ['Bohemian Rhapsody', 'Never Gonna Give You Up']);
  });

  it('given a voice channel joined and a track started, when now-playing is read, then it shows', async () => {
    const joined = await call('PUT', '/voice-channel', { channel_id: CHANNEL });
    assert.equal(joined.statusCode, 200);
    assert.equal(joined.json().voice_channel_id, CHANNEL);
    const started = await startNextTrack(t, GUILD);
    const res = await call('GET', '/now-playing');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().track.track_id, started.trackId);
    assert.equal(res.json().paused, false);
  });

  it('given a playing track, when paused twice, then 200 then 409; resumed twice, then 200 then 409', async () => {
    assert.equal((await call('POST', '/pause')).statusCode, 200);
    assert.equal((await call('GET', '/now-playing')).json().paused, true);
    const again = await call('POST', '/pause');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'already_paused');
    assert.equal((await call('POST', '/resume')).statusCode, 200);
    assert.equal((await call('POST', '/resume')).json().code, 'not_paused');
  });

  it('given a playing track, when seeking within it, then the position moves; past its end, then 400', async () => {
    const res = await call('POST', '/seek', { position_ms: 60_000 });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().now_playing.position_ms >= 60_000);
    assert.equal((await call('POST', '/seek', { position_ms: 9_999_999 })).statusCode, 400);
    assert.equal((await call('POST', '/seek', { position_ms: -1 })).statusCode, 400);
  });

  it('given volume, loop and fair share, when set, then the player shows them; bad values are 400', async () => {
    assert.equal((await call('PUT', '/volume', { volume: 30 })).json().volume, 30);
    assert.equal((await call('PUT', '/loop', { mode: 'queue' })).json().loop, 'queue');
    assert.equal((await call('PUT', '/fair-share', { enabled: true })).json().fair_share, true);
    assert.equal((await call('PUT', '/volume', { volume: 101 })).statusCode, 400);
    assert.equal((await call('PUT', '/loop', { mode: 'everything' })).statusCode, 400);
    assert.equal((await call('PUT', '/fair-share', { enabled: 'yes' })).statusCode, 400);
  });

  it('given a playing track, when skipped, then it goes to history; previous brings it back first', async () => {
    const skipped = await call('POST', '/skip');
    assert.equal(skipped.statusCode, 200);
    assert.equal(skipped.json().now_playing, null);
    assert.equal(skipped.json().history.length, 1);
    const previous = await call('POST', '/previous');
    assert.equal(previous.statusCode, 200);
    assert.equal(previous.json().queue[0].track_id, skipped.json().history[0].track_id);
  });

  it('given nothing playing, when skipped, then 409 nothing_playing', async () => {
    const res = await call('POST', '/skip');
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'nothing_playing');
  });

  it('given a queue, when cleared, then it is empty', async () => {
    const res = await call('DELETE', '/queue');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().queue, []);
  });

  it('given a channel, when stopped, then the channel is left; leaving again is 409 not_connected', async () => {
    const res = await call('POST', '/stop');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().voice_channel_id, null);
    const leave = await call('DELETE', '/voice-channel');
    assert.equal(leave.statusCode, 409);
    assert.equal(leave.json().code, 'not_connected');
  });

  it("given another user's key, when it reads, then 200; when it writes, then 403", async () => {
    assert.equal((await call('GET', '/queue', undefined, reader)).statusCode, 200);
    assert.equal((await call('POST', '/queue', { query: 'tuyo' }, reader)).statusCode, 403);
    assert.equal((await call('PUT', '/volume', { volume: 10 }, reader)).statusCode, 403);
  });

  it('given no key, then 401', async () => {
    assert.equal((await call('GET', '/queue', undefined, '')).statusCode, 401);
  });

  it('given bad bodies, then 400 naming the field', async () => {
    assert.match(
      (await call('POST', '/queue', { query: 'tuyo', placement: 'first' })).json().message,
      /placement/,
    );
    assert.match((await call('PUT', '/voice-channel', { channel_id: 'lobby' })).json().message, /channel_id/);
    assert.equal((await call('POST', '/queue', { query: 'nothing matches this' })).statusCode, 404);
  });
});
