import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidQueryError, TrackNotFoundError } from '#domain';
import { CatalogueTrackResolver } from './catalogue-track-resolver';
import { SEED_PLAYLISTS, SEED_TRACKS } from './seed-catalogue';

const resolver = new CatalogueTrackResolver();
const by = { requestedBy: '123456789012345678' };

describe('CatalogueTrackResolver', () => {
  it("given the Hexify seed's query and source, when resolved, then it is Rick Astley's track", async () => {
    const found = await resolver.resolve('never gonna give you up rick astley', { ...by, source: 'youtube' });
    assert.deepEqual(found, { kind: 'track', tracks: [SEED_TRACKS.rick] });
  });

  it('given free text in another case and order, when resolved, then every word counts, not the order', async () => {
    const found = await resolver.resolve('QUEEN bohemian', by);
    assert.equal(found.tracks[0].title, 'Bohemian Rhapsody');
  });

  it('given accents left out, when resolved, then Magia is still found', async () => {
    const found = await resolver.resolve('andres cepeda magia', by);
    assert.equal(found.tracks[0].identifier, '_n1o4D6G_XE');
  });

  it("given the seed's Spotify URL, when resolved, then that exact track", async () => {
    const found = await resolver.resolve(SEED_TRACKS.tuyo.uri, by);
    assert.deepEqual(found, { kind: 'track', tracks: [SEED_TRACKS.tuyo] });
  });

  it('given a YouTube URL on another host spelling, when resolved, then the video id matches', async () => {
    const found = await resolver.resolve('https://youtu.be/dQw4w9WgXcQ', by);
    assert.equal(found.tracks[0].title, 'Never Gonna Give You Up');
  });

  it('given the playlist URL, when resolved, then a playlist of three in order', async () => {
    const found = await resolver.resolve(SEED_PLAYLISTS[0].uri, by);
    assert.equal(found.kind, 'playlist');
    assert.deepEqual(
      found.tracks.map((t) => t.identifier),
      ['_n1o4D6G_XE', '1_zgKRBrT0Y', '-zgDXIi1uYw'],
    );
  });

  it('given text nothing matches, when resolved, then TrackNotFoundError', async () => {
    await assert.rejects(resolver.resolve('no such song anywhere', by), TrackNotFoundError);
  });

  it('given a source the track is not on, when resolved, then TrackNotFoundError', async () => {
    await assert.rejects(resolver.resolve('tuyo', { ...by, source: 'soundcloud' }), TrackNotFoundError);
  });

  it('given an unknown http URL, when resolved, then TrackNotFoundError', async () => {
    await assert.rejects(resolver.resolve('https://example.com/nothing.mp3', by), TrackNotFoundError);
  });

  for (const [what, query, source] of [
    ['an empty query', '  ', undefined],
    ['an overlong query', 'x'.repeat(501), undefined],
    ['a non-http URL', 'javascript:alert(1)', undefined],
    ['only punctuation', '!!! ???', undefined],
    ['an unknown source', 'tuyo', 'myspace'],
  ] as const) {
    it(`given ${what}, when resolved, then InvalidQueryError`, async () => {
      await assert.rejects(resolver.resolve(query, { ...by, source }), InvalidQueryError);
    });
  }
});
