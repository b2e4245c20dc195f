import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNextTrack } from '../support/player';
import { useSeedMusicLibrary } from '../support/seed-library';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';
const REQUESTER = '123456789012345678';

describe('Hexify v2 music queue and play', () => {
  let t: TestApp;
  let owner: string;
  let stranger: string;
  let restoreEnv: () => void;
  before(async () => {
    // The seeds' tracks come from a real library: the demo's FFmpeg-made files, tagged as the seeds show them.
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp();
    await t.registerGuild(SERVER);
    owner = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    stranger = `Bearer ${(await t.issueKey('555555555555555555', { tier: 'enterprise' })).key}`;
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  const queue = (id = SERVER, authorization = owner) =>
    t.app.inject({ method: 'GET', url: `/v2/servers/${id}/music/queue`, headers: { authorization } });
  const play = (payload: unknown, id = SERVER, authorization = owner) =>
    t.app.inject({
      method: 'POST',
      url: `/v2/servers/${id}/music/play`,
      payload: payload as object,
      headers: { authorization },
    });

  it('given a server with no music yet, when the queue is read, then it is empty at volume 100', async () => {
    const res = await queue();
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { current_track: null, queue: [], is_playing: false, volume: 100 });
  });

  it("given the seed's play body, when posted, then 201 names the track added and the queue holds it", async () => {
    const res = await play({
      query: 'never gonna give you up rick astley',
      source: 'youtube',
      requested_by: REQUESTER,
    });
    assert.equal(res.statusCode, 201);
    const rick = {
      title: 'Never Gonna Give You Up',
      artist: 'Rick Astley',
      duration: 213,
      requested_by: REQUESTER,
    };
    assert.deepEqual(res.json(), {
      added: [{ ...rick, url: 'https://youtube.com/watch?v=dQw4w9WgXcQ' }],
      current_track: null,
      queue: [rick],
      is_playing: false,
      volume: 100,
    });
    assert.match(String(res.headers['x-guildhall-position']), /^\d+$/);
  });

  it("given Rick playing 45 s in, Queen queued and volume 75, when read, then the body is the seed's example", async () => {
    assert.equal((await play({ query: 'bohemian rhapsody', requested_by: REQUESTER })).statusCode, 201);
    await startNextTrack(t, SERVER, 45_000);
    const volume = await t.app.inject({
      method: 'PUT',
      url: `/v1/servers/${SERVER}/music/volume`,
      payload: { volume: 75 },
      headers: { authorization: owner },
    });
    assert.equal(volume.statusCode, 200);
    assert.deepEqual((await queue()).json(), {
      current_track: {
        title: 'Never Gonna Give You Up',
        artist: 'Rick Astley',
        duration: 213,
        position: 45,
        url: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
      },
      queue: [{ title: 'Bohemian Rhapsody', artist: 'Queen', duration: 354, requested_by: REQUESTER }],
      is_playing: true,
      volume: 75,
    });
  });

  it("given no requested_by, when a track is added, then it is queued for the key's owner", async () => {
    const res = await play({ query: 'tuyo' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().added[0].requested_by, HEXIFY_PROFILE.ownerId);
  });

  it("given a library playlist's file URL, when posted, then every track is added in order", async () => {
    const m3u = join(process.env.MUSIC_DIR!, 'Elixir sample playlist.m3u');
    const res = await play({ query: pathToFileURL(m3u).href });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().added.length, 3);
    assert.equal(res.json().queue.at(-1).artist, 'Warner Música');
  });

  it('given no key, then both routes answer 401', async () => {
    assert.equal((await queue(SERVER, '')).statusCode, 401);
    assert.equal((await play({ query: 'tuyo' }, SERVER, '')).statusCode, 401);
  });

  it("given another user's key, when it adds to this server, then 403", async () => {
    assert.equal((await play({ query: 'tuyo' }, SERVER, stranger)).statusCode, 403);
  });

  it('given an unknown server, then both routes answer 404', async () => {
    assert.equal((await queue('999')).statusCode, 404);
    assert.equal((await play({ query: 'tuyo' }, '999')).statusCode, 404);
  });

  it('given a query nothing matches, when posted, then 404 track_not_found', async () => {
    const res = await play({ query: 'a song that does not exist' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'track_not_found');
  });

  const badBodies: [string, unknown, RegExp][] = [
    ['no query', { source: 'youtube' }, /query/],
    ['an empty query', { query: '' }, /query/],
    ['an unknown field', { query: 'tuyo', colour: 'red' }, /colour/],
    ['a requester that is no snowflake', { query: 'tuyo', requested_by: 'me' }, /requested_by/],
    ['an unknown source', { query: 'tuyo', source: 'myspace' }, /source/],
    ['a non-http URL', { query: 'ftp://example.com/song.mp3' }, /scheme/],
  ];
  for (const [what, body, message] of badBodies) {
    it(`given ${what}, when posted, then 400 says what is wrong`, async () => {
      const res = await play(body);
      assert.equal(res.statusCode, 400);
      assert.match(res.json().message, message);
    });
  }
});
