import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startNextTrack } from '../support/player';
import { useSeedMusicLibrary } from '../support/seed-library';
import { startTestApp, type TestApp } from '../support/test-app';

const GUILD = '766045633697021973';
const CHANNEL = '766045633697021978';
const USER = '460177285954142208';
const LISTENER = '946443578849243156';

describe('Elixir Music API', () => {
  let t: TestApp;
  let bound: string;
  let otherGuild: string;
  let unbound: string;
  let restoreEnv: () => void;
  before(async () => {
    // The seeds' tracks come from a real library: the demo's FFmpeg-made files, tagged as the seeds show them.
    restoreEnv = await useSeedMusicLibrary();
    t = await startTestApp();
    bound = `Bearer ${(await t.issueKey(USER, { tier: 'enterprise', guildId: GUILD })).key}`;
    otherGuild = `Bearer ${(await t.issueKey(USER, { tier: 'enterprise', guildId: '111111111111111111' })).key}`;
    unbound = `Bearer ${(await t.issueKey(USER, { tier: 'enterprise' })).key}`;
  });
  after(async () => {
    await t.close();
    restoreEnv();
  });

  const post = (path: string, payload: unknown, authorization = bound) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/${GUILD}/${path}`,
      payload: payload as object,
      headers: authorization ? { authorization } : {},
    });
  const nowPlaying = () => t.app.inject({ method: 'GET', url: `/api/v1/${GUILD}/nowplaying` });

  it('given nothing plays, when nowplaying is read without a key, then 410 Gone', async () => {
    assert.equal((await nowPlaying()).statusCode, 410);
  });

  it('given flat "channel.id" and "user.id" keys, when joining, then the seed reply', async () => {
    const res = await post('join', { 'channel.id': CHANNEL, 'user.id': USER });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      guild: GUILD,
      channel: CHANNEL,
      user: USER,
      message: 'Successfully joined the voice channel.',
    });
  });

  it('given nested channel and user objects, when joining, then the same reply', async () => {
    const res = await post('join', { channel: { id: CHANNEL }, user: { id: USER } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().message, 'Successfully joined the voice channel.');
  });

  it('given a volume of 45, when set, then the seed message', async () => {
    const res = await post('volume', { 'user.id': USER, volume: 45 });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      guild: GUILD,
      user: USER,
      message: 'Successfully changed the volume to 45.',
    });
  });

  it("given the seed's Spotify track, when played, then one track object as in sample #2", async () => {
    const res = await post('play', {
      'user.id': LISTENER,
      query: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      title: "my ex's best friend (with blackbear)",
      author: 'mgk',
      duration: 139,
      formattedDuration: '00:00/02:19',
      uri: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
      thumbnail: 'https://i.scdn.co/image/ab67616d0000b273d4d4929a3a86fe2f9fadbd42',
      position: 0,
      isStream: false,
      identifier: '7kDUspsoYfLkWnZR7qwHZl',
      requestedBy: LISTENER,
    });
  });

  it("given a playlist's name, when played, then an array of the three seed tracks in order", async () => {
    const res = await post('play', { 'user.id': LISTENER, query: 'Elixir sample playlist' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { title: string; formattedDuration: string; requestedBy: string }[];
    assert.deepEqual(
      body.map((tr) => [tr.title, tr.formattedDuration, tr.requestedBy]),
      [
        ['Andrés Cepeda - Magia ft. Sebastián Yatra', '00:00/03:23', LISTENER],
        ['Pedro Capó, Farruko - Calma (Remix - Official Video)', '00:00/03:58', LISTENER],
        ['Bacilos - Caraluna (Official Music Video)', '00:00/04:29', LISTENER],
      ],
    );
  });

  it('given a track playing 18 s in, when nowplaying is read, then the live position in ms and mm:ss/mm:ss', async () => {
    await post('stop', { 'user.id': USER });
    await post('play', { 'user.id': USER, query: 'tuyo narcos' });
    await startNextTrack(t, GUILD, 18_000);
    const res = await nowPlaying();
    assert.equal(res.statusCode, 200);
    const { position, formattedDuration, ...rest } = res.json();
    assert.ok(position >= 18_000 && position < 19_000, `position ${position}`);
    assert.equal(formattedDuration, '00:18/02:31');
    assert.deepEqual(rest, {
      title: 'Tuyo (Narcos Theme)',
      author: 'Rodrigo Amarante',
      duration: 151,
      uri: 'https://open.spotify.com/track/6g2BiiVQqY5v1S4HIrM54F',
      thumbnail: 'https://i.scdn.co/image/ab67616d0000b27364d924aebcb26f08aac1bf3b',
      isStream: false,
      identifier: '6g2BiiVQqY5v1S4HIrM54F',
      requestedBy: USER,
    });
  });

  it('given a track playing, when stopped, then the seed message and nowplaying is 410 again', async () => {
    const res = await post('stop', { 'user.id': USER });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { guild: GUILD, user: USER, message: 'Successfully stopped the player.' });
    assert.equal((await nowPlaying()).statusCode, 410);
  });

  it('given a query nothing matches, when played, then 404', async () => {
    assert.equal(
      (await post('play', { 'user.id': USER, query: 'nothing like this exists' })).statusCode,
      404,
    );
  });

  const badRequests: [string, string, unknown][] = [
    ['join without channel.id', 'join', { 'user.id': USER }],
    ['join with a channel that is no snowflake', 'join', { 'channel.id': 'general', 'user.id': USER }],
    ['join without user.id', 'join', { channel: { id: CHANNEL } }],
    ['volume above 100', 'volume', { 'user.id': USER, volume: 101 }],
    ['volume below 0', 'volume', { 'user.id': USER, volume: -1 }],
    ['volume as a string', 'volume', { 'user.id': USER, volume: '45' }],
    ['volume missing', 'volume', { 'user.id': USER }],
    ['play without a query', 'play', { 'user.id': USER }],
    ['play with an empty query', 'play', { 'user.id': USER, query: '   ' }],
    ['play with a javascript: URL', 'play', { 'user.id': USER, query: 'javascript:alert(1)' }],
    ['stop without user.id', 'stop', {}],
    ['a body that is an array', 'volume', [45]],
  ];
  for (const [what, path, body] of badRequests) {
    it(`given ${what}, then 400`, async () => {
      assert.equal((await post(path, body)).statusCode, 400);
    });
  }

  for (const path of ['join', 'volume', 'play', 'stop']) {
    it(`given ${path} with no key, a key bound to another guild, or an unbound key of a non-owner, then 401`, async () => {
      const body = { 'channel.id': CHANNEL, 'user.id': USER, volume: 50, query: 'tuyo' };
      assert.equal((await post(path, body, '')).statusCode, 401);
      assert.equal((await post(path, body, otherGuild)).statusCode, 401);
      assert.equal((await post(path, body, unbound)).statusCode, 401);
      assert.equal((await post(path, body, 'Bearer gh_not_a_key')).statusCode, 401);
    });
  }
});
