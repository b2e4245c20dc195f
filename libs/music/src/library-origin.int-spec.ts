import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutboundGuard } from '#outbound';
import { testResolver } from '#outbound/testing/test-resolver';
import type { MusicConfig } from './music-config';
import { MusicTrackResolver } from './music-track-resolver';
import { TrackOpener } from './playback/track-opener';
import { TrackNotFoundError } from './resolver-errors';
import { tempDir } from './testing/temp-dir';
import { writeTone } from './testing/test-audio';

const PAGE = 'https://www.youtube.com/watch?v=abcDEF12345';
const COVER = 'https://i.ytimg.com/vi/abcDEF12345/default.jpg';

/** Resolves no name, so nothing can be fetched: a page URL can only be answered by the library. */
const offline = new OutboundGuard({ resolve: testResolver({}) });

describe('library files tagged with where they came from', () => {
  const tmp = tempDir();
  const music = join(tmp.dir, 'music');
  const config: MusicConfig = {
    musicDir: music,
    ytDlpPath: undefined,
    ffmpegPath: 'ffmpeg',
    ffprobePath: 'ffprobe',
    artworkUrlTemplate: '/v1/music/artwork/{id}',
  };
  let resolver: MusicTrackResolver;

  before(async () => {
    await Promise.all([
      writeTone(join(music, 'tagged.opus'), {
        seconds: 2,
        tags: {
          TITLE: 'Tagged Song',
          ARTIST: 'Origin Band',
          PURL: PAGE,
          IDENTIFIER: 'abcDEF12345',
          THUMBNAIL: COVER,
        },
      }),
      // yt-dlp's --embed-metadata also writes the page URL as the comment.
      writeTone(join(music, 'commented.ogg'), {
        seconds: 1,
        tags: { TITLE: 'Commented Song', ARTIST: 'Band', COMMENT: 'https://soundcloud.com/band/commented' },
      }),
    ]);
    resolver = new MusicTrackResolver(config, { guard: offline });
  });
  after(() => tmp.remove());

  it('given a file tagged PURL, IDENTIFIER and THUMBNAIL, when its page URL is played, then the library answers with what the tags say', async () => {
    const { kind, tracks } = await resolver.resolveQuery(PAGE);
    assert.equal(kind, 'track');
    assert.deepEqual(tracks[0], {
      title: 'Tagged Song',
      author: 'Origin Band',
      durationSec: 2,
      uri: PAGE,
      identifier: 'abcDEF12345',
      thumbnail: COVER,
      isStream: false,
      source: 'local',
    });
  });

  it('given another spelling of the same page (http, no www, a fragment), when played, then the same file', async () => {
    const { tracks } = await resolver.resolveQuery('http://youtube.com/watch?v=abcDEF12345#t=3');
    assert.equal(tracks[0].title, 'Tagged Song');
  });

  it('given a file whose comment is a URL, when that URL is played, then the file answers', async () => {
    const { tracks } = await resolver.resolveQuery('https://soundcloud.com/band/commented');
    assert.deepEqual(
      [tracks[0].title, tracks[0].uri],
      ['Commented Song', 'https://soundcloud.com/band/commented'],
    );
  });

  it('given free text, when it finds a tagged file, then the track shows the tags too', async () => {
    const { tracks } = await resolver.resolveQuery('tagged song');
    assert.deepEqual([tracks[0].uri, tracks[0].identifier], [PAGE, 'abcDEF12345']);
  });

  it('given a page URL no file is tagged with, when played offline, then the library does not answer it', async () => {
    await assert.rejects(resolver.resolveQuery('https://www.youtube.com/watch?v=notInLibrary'));
  });

  it('given the track shown by its page URL, when the player opens it, then the tagged file plays from disk', async () => {
    const opener = new TrackOpener({ ...config, guard: offline, library: () => resolver.library });
    const { tracks } = await resolver.resolveQuery(PAGE);
    const opened = await opener.open(tracks[0], { positionMs: 0, volume: 100 });
    assert.equal(opened.mode, 'passthrough');
    let packets = 0;
    for await (const packet of opened.resource.playStream) if ((packet as Buffer).length > 0) packets++;
    assert.ok(packets >= 98 && packets <= 103, `${packets} packets of 20 ms`);
  });

  it('given a local track whose page no file carries any more, when opened, then it fails instead of fetching', async () => {
    const opener = new TrackOpener({ ...config, guard: offline, library: () => resolver.library });
    const gone = { uri: 'https://www.youtube.com/watch?v=removed', source: 'local', isStream: false };
    await assert.rejects(opener.open(gone, { positionMs: 0, volume: 100 }), /no file in the music library/);
  });
});

describe('the demo library, without MUSIC_DIR', () => {
  const tmp = tempDir();
  const dir = join(tmp.dir, 'demo-music');
  const marker = join(tmp.dir, 'demo-seed');
  const resolver = new MusicTrackResolver(
    {
      musicDir: undefined,
      demoLibrary: { dir, marker },
      ytDlpPath: undefined,
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      artworkUrlTemplate: null,
    },
    { guard: offline },
  );
  after(() => tmp.remove());

  it('given no demo yet, then there is no library and a search finds nothing', async () => {
    assert.equal(resolver.library, undefined);
    await assert.rejects(resolver.resolveQuery('demo song'), TrackNotFoundError);
  });

  it('given a library folder in a directory that is no demo one, then it is not used', async () => {
    await writeTone(join(dir, 'demo.opus'), { seconds: 1, tags: { TITLE: 'Demo Song' } });
    assert.equal(resolver.library, undefined);
  });

  it('given the demo writes its seed after the resolver started, then the next search finds its tracks', async () => {
    mkdirSync(tmp.dir, { recursive: true });
    writeFileSync(marker, 'seed');
    const { tracks } = await resolver.resolveQuery('demo song');
    assert.equal(tracks[0].title, 'Demo Song');
    assert.equal(resolver.library?.root, dir);
  });
});
