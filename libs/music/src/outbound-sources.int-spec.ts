import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AllowList, OutboundGuard } from '#outbound';
import { countingServer, type CountingServer } from '#outbound/testing/counting-server';
import { SITE_ADDRESSES, testResolver } from '#outbound/testing/test-resolver';
import { MusicTrackResolver } from './music-track-resolver';
import { TrackOpener } from './playback/track-opener';
import { InvalidQueryError } from './resolver-errors';
import { installFakeYtDlp, type FakeYtDlp } from './testing/fake-ytdlp';
import { tempDir } from './testing/temp-dir';
import { writeTone } from './testing/test-audio';

/**
 * Only 127.0.0.1 is allow-listed; 127.0.0.2 stands for any internal service a client must not
 * reach (loopback too), and counts every connection it gets: each case below must leave it at 0.
 */
describe('music sources and playback behind the outbound guard', () => {
  const tmp = tempDir();
  let media: CountingServer;
  let internal: CountingServer;
  let ytdlp: FakeYtDlp;
  let resolver: MusicTrackResolver;
  let opener: TrackOpener;

  before(async () => {
    const song = await writeTone(join(tmp.dir, 'song.mp3'), { seconds: 1, tags: { title: 'Song' } });
    internal = await countingServer('127.0.0.2', (_req, res) => res.end('internal secret'));
    media = await countingServer('127.0.0.1', (req, res) => {
      if (req.url === '/song.mp3') return res.end(readFileSync(song));
      if (req.url === '/redirect.mp3')
        return res.writeHead(302, { location: `${internal.base}/admin` }).end();
      if (req.url === '/live.m3u8') {
        res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' });
        return res.end(`#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\n${internal.base}/seg0.ts\n`);
      }
      if (req.url === '/list.mp3') return res.end(`#EXTM3U\n${internal.base}/seg0.mp3\n`);
      res.writeHead(404).end();
    });
    ytdlp = installFakeYtDlp(tmp.dir, { streamUrl: `${internal.base}/stream.webm` });
    const config = { ytDlpPath: ytdlp.path, ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };
    // youtube.com resolves to a public address; evil.youtube.com to loopback (a hostile DNS record).
    const guard = new OutboundGuard({
      allowList: AllowList.parse('127.0.0.1'),
      resolve: testResolver({ 'evil.youtube.com': '127.0.0.2', ...SITE_ADDRESSES }),
    });
    resolver = new MusicTrackResolver(
      { ...config, musicDir: undefined, artworkUrlTemplate: null },
      { guard },
    );
    opener = new TrackOpener({ ...config, guard });
  });
  after(async () => {
    await media.close();
    await internal.close();
    tmp.remove();
  });

  const refused = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof InvalidQueryError, String(error));
    assert.equal(error.field, 'query');
    assert.match(error.message, pattern);
    return true;
  };

  it('given an allow-listed media URL, when resolved, then it is probed through the guard', async () => {
    const { tracks } = await resolver.resolveQuery(`${media.base}/song.mp3`);
    assert.deepEqual([tracks[0].title, tracks[0].durationSec, tracks[0].isStream], ['Song', 1, false]);
  });

  for (const host of ['127.0.0.2', '2130706434', '0x7f000002', '127.2', '[::ffff:127.0.0.2]']) {
    it(`given http://${host}:port (loopback, not allow-listed), when resolved, then 400 and nothing connects`, async () => {
      await assert.rejects(
        resolver.resolveQuery(`http://${host}:${internal.port}/a.mp3`),
        refused(/not a public address \(/),
      );
      assert.equal(internal.connections(), 0);
    });
  }

  it('given an allowed host that redirects into loopback, when resolved, then the redirect is refused before it connects', async () => {
    await assert.rejects(resolver.resolveQuery(`${media.base}/redirect.mp3`), refused(/127\.0\.0\.2/));
    assert.equal(internal.connections(), 0);
  });

  it('given an HLS playlist naming a loopback segment, when resolved, then 400 and the segment is never fetched', async () => {
    await assert.rejects(resolver.resolveQuery(`${media.base}/live.m3u8`), refused(/playlist URLs/));
    await assert.rejects(resolver.resolveQuery(`${media.base}/list.mp3`), refused(/playlist URLs/));
    assert.equal(internal.connections(), 0);
  });

  it('given a site URL whose host resolves to loopback, when resolved, then yt-dlp never runs', async () => {
    const calls = ytdlp.calls().length;
    await assert.rejects(
      resolver.resolveQuery('https://evil.youtube.com/watch?v=dQw4w9WgXcQ'),
      refused(/loopback/),
    );
    assert.equal(ytdlp.calls().length, calls);
  });

  it('given stored URLs that point inside (queued before, or a playlist), when played, then opening fails and nothing connects', async () => {
    for (const uri of [`${internal.base}/a.mp3`, `${media.base}/redirect.mp3`, `${media.base}/live.m3u8`]) {
      await assert.rejects(
        opener.open({ uri, source: 'http', isStream: false }, { positionMs: 0, volume: 100 }),
      );
    }
    assert.equal(internal.connections(), 0);
  });

  it('given yt-dlp returning a loopback stream URL, when played, then the stream is refused', async () => {
    const track = { uri: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', source: 'youtube', isStream: false };
    await assert.rejects(opener.open(track, { positionMs: 0, volume: 100 }), /not a public address/);
    assert.equal(internal.connections(), 0);
  });
});
