import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AllowList, OutboundGuard } from '#outbound';
import { SITE_ADDRESSES, testResolver } from '#outbound/testing/test-resolver';
import { MusicTrackResolver } from './music-track-resolver';
import { InvalidQueryError, TrackNotFoundError } from './resolver-errors';
import { installFakeYtDlp, type FakeYtDlp } from './testing/fake-ytdlp';
import { tempDir } from './testing/temp-dir';
import { writeTone } from './testing/test-audio';

const USER = '123456789012345678';

describe('http and yt-dlp sources', () => {
  const tmp = tempDir();
  let server: Server;
  let base: string;
  let ytdlp: FakeYtDlp;
  let sources: MusicTrackResolver;

  before(async () => {
    const file = await writeTone(join(tmp.dir, 'web/song.mp3'), {
      seconds: 1,
      tags: { title: 'Web Song', artist: 'Web Artist' },
    });
    await writeTone(join(tmp.dir, 'web/untitled.ogg'), { seconds: 1 });
    server = createServer((req, res) => {
      const name =
        req.url === '/song.mp3' ? file : req.url === '/untitled.ogg' ? join(tmp.dir, 'web/untitled.ogg') : '';
      if (!name) return res.writeHead(404).end('not found');
      // Like a real web server: a length, so FFprobe can tell a file of known duration from a live stream.
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': statSync(name).size });
      createReadStream(name).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ytdlp = installFakeYtDlp(tmp.dir);
    // The media server is on loopback: only an operator's allow-list lets the sources reach it.
    sources = new MusicTrackResolver(
      {
        musicDir: undefined,
        ytDlpPath: ytdlp.path,
        ffmpegPath: 'ffmpeg',
        ffprobePath: 'ffprobe',
        artworkUrlTemplate: null,
      },
      {
        guard: new OutboundGuard({
          allowList: AllowList.parse('127.0.0.1'),
          resolve: testResolver(SITE_ADDRESSES),
        }),
      },
    );
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    tmp.remove();
  });

  it('given a direct media URL, when resolved, then FFprobe reads its tags and duration', async () => {
    const { kind, tracks } = await sources.resolve(`${base}/song.mp3`, { requestedBy: USER });
    assert.equal(kind, 'track');
    assert.deepEqual(tracks[0], {
      title: 'Web Song',
      author: 'Web Artist',
      durationSec: 1,
      uri: `${base}/song.mp3`,
      identifier: `${base}/song.mp3`,
      thumbnail: null,
      isStream: false,
      source: 'http',
    });
  });

  it('given an untagged media URL, when resolved, then the file name and host stand in', async () => {
    const { tracks } = await sources.resolveQuery(`${base}/untitled.ogg`);
    assert.deepEqual([tracks[0].title, tracks[0].author], ['untitled', '127.0.0.1']);
  });

  it('given a URL that serves nothing playable, when resolved, then no track is found', async () => {
    await assert.rejects(sources.resolveQuery(`${base}/missing.mp3`), TrackNotFoundError);
  });

  it('given a YouTube URL, when resolved, then yt-dlp info becomes the track', async () => {
    const { kind, tracks } = await sources.resolveQuery('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.equal(kind, 'track');
    assert.deepEqual(tracks[0], {
      title: 'Never Gonna Give You Up',
      author: 'Rick Astley',
      durationSec: 213,
      uri: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      identifier: 'dQw4w9WgXcQ',
      thumbnail: 'https://i.ytimg.com/vi_webp/dQw4w9WgXcQ/maxresdefault.webp',
      isStream: false,
      source: 'youtube',
    });
    const call = ytdlp.calls().at(-1)!;
    assert.ok(call.includes('-J') && call.includes('--flat-playlist'));
    assert.deepEqual(call.slice(-2), ['--', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
  });

  it('given a playlist URL, when resolved, then its flat entries become tracks in order', async () => {
    const result = await sources.resolveQuery('https://www.youtube.com/playlist?list=PLrock');
    assert.equal(result.kind, 'playlist');
    assert.equal(result.name, 'Rock Classics');
    assert.deepEqual(
      result.tracks.map((t) => [t.title, t.author, t.durationSec, t.identifier, t.source]),
      [
        [
          'Queen – Bohemian Rhapsody (Official Video Remastered)',
          'Queen Official',
          359,
          'fJ9rUzIMcZQ',
          'youtube',
        ],
        [
          "Guns N' Roses - Sweet Child O' Mine (Official Music Video)",
          'Guns N Roses',
          356,
          '1w7OgIMMRc4',
          'youtube',
        ],
      ],
    );
    assert.match(result.tracks[1].thumbnail ?? '', /i\.ytimg\.com\/vi\/1w7OgIMMRc4/);
  });

  it('given free text with source youtube, when resolved, then the first search result is the track', async () => {
    const { tracks } = await sources.resolve('never gonna give you up rick astley', {
      source: 'youtube',
      requestedBy: USER,
    });
    assert.equal(tracks[0].uri, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.equal(ytdlp.calls().at(-1)!.at(-1), 'ytsearch1:never gonna give you up rick astley');
  });

  it('given a search with no results, when resolved, then no track is found', async () => {
    await assert.rejects(
      sources.resolve('zzzz', { source: 'soundcloud', requestedBy: USER }),
      TrackNotFoundError,
    );
  });

  it('given an unavailable video, when resolved, then no track is found with yt-dlp’s reason', async () => {
    await assert.rejects(sources.resolveQuery('https://youtu.be/watch?v=gone123'), (error: Error) => {
      assert.ok(error instanceof TrackNotFoundError);
      assert.match(String(error.cause), /Video unavailable/);
      return true;
    });
  });

  for (const [query, source] of [
    ['   ', undefined],
    ['ftp://example.com/a.mp3', undefined],
    ['http://[oops/a.mp3', undefined],
    ['https://user:pw@example.com/a.mp3', undefined],
    ['line\nbreak', undefined],
    ['x'.repeat(1001), undefined],
    ['some song', 'napster'],
  ] as const) {
    it(`given the invalid query ${JSON.stringify(query.slice(0, 30))} (source ${source}), when resolved, then it is refused`, async () => {
      await assert.rejects(sources.resolve(query, { source, requestedBy: USER }), InvalidQueryError);
    });
  }
});
