import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MusicTrackResolver } from './music-track-resolver';
import { InvalidQueryError, TrackNotFoundError } from './resolver-errors';
import { tempDir } from './testing/temp-dir';
import { writeTone } from './testing/test-audio';

const USER = '123456789012345678';

describe('local library source', () => {
  const tmp = tempDir();
  const music = join(tmp.dir, 'music');
  let sources: MusicTrackResolver;

  before(async () => {
    await Promise.all([
      writeTone(join(music, 'rick/never.mp3'), {
        seconds: 2,
        artwork: true,
        tags: {
          title: 'Never Gonna Give You Up',
          artist: 'Rick Astley',
          album: 'Whenever You Need Somebody',
        },
      }),
      writeTone(join(music, 'queen/bohemian.ogg'), {
        seconds: 1,
        tags: { TITLE: 'Bohemian Rhapsody', ARTIST: 'Queen' },
      }),
      writeTone(join(music, 'album/b.flac'), {
        seconds: 1,
        tags: { title: 'Second', artist: 'Band', track: '2' },
      }),
      writeTone(join(music, 'album/a.mp3'), {
        seconds: 1,
        tags: { title: 'First', artist: 'Band', track: '1' },
      }),
      writeTone(join(music, 'untagged/Café del Mar.wav'), { seconds: 1 }),
      writeTone(join(tmp.dir, 'outside.mp3'), { seconds: 1, tags: { title: 'Secret' } }),
    ]);
    writeFileSync(
      join(music, 'Road Trip.m3u'),
      '#EXTM3U\n#EXTINF:2,Rick Astley - Never\nrick/never.mp3\nmissing.mp3\n../outside.mp3\nqueen/bohemian.ogg\n',
    );
    sources = new MusicTrackResolver({
      musicDir: music,
      ytDlpPath: undefined,
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      artworkUrlTemplate: '/v1/music/artwork/{id}',
    });
  });
  after(() => tmp.remove());

  it('given tagged files, when searching free text, then the track carries its tags, duration and artwork', async () => {
    // when
    const result = await sources.resolveQuery('rick astley never gonna');
    // then
    assert.equal(result.kind, 'track');
    const [track] = result.tracks;
    assert.equal(track.title, 'Never Gonna Give You Up');
    assert.equal(track.author, 'Rick Astley');
    assert.equal(track.durationSec, 2);
    assert.equal(track.uri, join(music, 'rick/never.mp3'));
    assert.equal(track.thumbnail, `/v1/music/artwork/${track.identifier}`);
    assert.equal(track.source, 'local');
    assert.equal(track.isStream, false);
    const artwork = await sources.library!.artwork(track.identifier);
    assert.equal(artwork?.format, 'image/png');
  });

  it('given a library this process has not looked into yet, when a cover is asked for first, then it is served', async () => {
    // given: another process (the CLI, another replica) queued the track whose thumbnail points here
    const { tracks } = await sources.resolveQuery('rick astley never gonna');
    const fresh = new MusicTrackResolver({
      musicDir: music,
      ytDlpPath: undefined,
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      artworkUrlTemplate: '/v1/music/artwork/{id}',
    });
    // when
    const artwork = await fresh.library!.artwork(tracks[0].identifier);
    // then
    assert.equal(artwork?.format, 'image/png');
  });

  it('given Vorbis comments, when searching, then they are read like ID3 tags', async () => {
    const { tracks } = await sources.resolveQuery('BOHEMIAN rhapsody');
    assert.deepEqual(
      [tracks[0].title, tracks[0].author, tracks[0].thumbnail],
      ['Bohemian Rhapsody', 'Queen', null],
    );
  });

  it('given a file without tags, when searching its name without accents, then the title is the file name', async () => {
    const { tracks } = await sources.resolveQuery('cafe del mar');
    assert.deepEqual([tracks[0].title, tracks[0].author], ['Café del Mar', 'Unknown artist']);
  });

  it('given a folder path, when resolved, then it is a playlist in track-number order', async () => {
    const result = await sources.resolveQuery('album');
    assert.equal(result.kind, 'playlist');
    assert.deepEqual(
      result.tracks.map((t: { title: string }) => t.title),
      ['First', 'Second'],
    );
  });

  it('given an m3u, when resolved by name, then entries in the library play and the rest are skipped', async () => {
    const result = await sources.resolveQuery('road trip');
    assert.equal(result.kind, 'playlist');
    assert.equal(result.name, 'Road Trip');
    assert.deepEqual(
      result.tracks.map((t: { title: string }) => t.title),
      ['Never Gonna Give You Up', 'Bohemian Rhapsody'],
    );
  });

  it('given a file URL or a track uri inside the library, when resolved, then it is that track', async () => {
    const { tracks } = await sources.resolveQuery(pathToFileURL(join(music, 'queen/bohemian.ogg')).href);
    assert.equal(tracks[0].title, 'Bohemian Rhapsody');
    const again = await sources.resolveQuery(tracks[0].uri);
    assert.equal(again.tracks[0].identifier, tracks[0].identifier);
  });

  it('given a file URL outside the library, when resolved, then the query is invalid', async () => {
    await assert.rejects(
      sources.resolveQuery(pathToFileURL(join(tmp.dir, 'outside.mp3')).href),
      InvalidQueryError,
    );
    await assert.rejects(sources.resolveQuery('../outside.mp3'), TrackNotFoundError);
  });

  it('given text nothing matches, when resolved, then no track is found', async () => {
    await assert.rejects(sources.resolveQuery('polka from mars'), TrackNotFoundError);
  });

  it('given a site search without yt-dlp, when resolved, then the library answers instead', async () => {
    const { tracks } = await sources.resolve('never gonna give you up rick astley', {
      source: 'youtube',
      requestedBy: USER,
    });
    assert.equal(tracks[0].author, 'Rick Astley');
  });

  it('given a file added after the scan, when the library rescans, then search finds it and unchanged files are kept', async () => {
    // given
    await sources.resolveQuery('first');
    await writeTone(join(music, 'late/new.mp3'), { seconds: 1, tags: { title: 'Latecomer' } });
    // when
    await sources.library!.scan();
    // then
    assert.equal((await sources.resolveQuery('latecomer')).tracks[0].title, 'Latecomer');
  });
});
