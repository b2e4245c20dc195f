import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AllowList, OutboundGuard } from '#outbound';
import { SITE_ADDRESSES, testResolver } from '#outbound/testing/test-resolver';
import { installFakeYtDlp } from '../testing/fake-ytdlp';
import { tempDir } from '../testing/temp-dir';
import { writeTone } from '../testing/test-audio';
import { TrackOpener, type OpenedTrack } from './track-opener';

/** Reads every Opus packet the resource yields, as an AudioPlayer would, without the 20 ms clock. */
async function drain(opened: OpenedTrack): Promise<number> {
  let packets = 0;
  for await (const packet of opened.resource.playStream) if ((packet as Buffer).length > 0) packets++;
  await opened.settled();
  return packets;
}

describe('TrackOpener', () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  const local = (name: string) => ({ uri: file(name), source: 'local', isStream: false });
  let server: Server;
  let opener: TrackOpener;

  before(async () => {
    await Promise.all([
      writeTone(file('a.opus'), { seconds: 2 }),
      writeTone(file('a.webm'), { seconds: 2 }),
      writeTone(file('a.mp3'), { seconds: 2 }),
    ]);
    server = createServer((req, res) => {
      const name = file(req.url!.slice(1));
      res.writeHead(200, { 'content-length': statSync(name).size });
      createReadStream(name).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ytdlp = installFakeYtDlp(tmp.dir, { streamUrl: `${base}/a.webm` });
    opener = new TrackOpener({
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      ytDlpPath: ytdlp.path,
      musicDir: tmp.dir,
      guard: new OutboundGuard({
        allowList: AllowList.parse('127.0.0.1'),
        resolve: testResolver(SITE_ADDRESSES),
      }),
    });
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    tmp.remove();
  });

  // 2 s of audio is 100 frames of 20 ms; encoders may pad a frame or two at either end.
  const aboutTwoSeconds = (packets: number) =>
    assert.ok(packets >= 98 && packets <= 103, `${packets} packets`);

  it('given a local Ogg Opus file at volume 100, when opened, then its packets pass through without FFmpeg', async () => {
    const opened = await opener.open(local('a.opus'), { positionMs: 0, volume: 100 });
    assert.equal(opened.mode, 'passthrough');
    aboutTwoSeconds(await drain(opened));
    assert.equal(opened.failure(), undefined);
  });

  it('given a local WebM Opus file at volume 100, when opened, then it passes through too', async () => {
    const opened = await opener.open(local('a.webm'), { positionMs: 0, volume: 100 });
    assert.equal(opened.mode, 'passthrough');
    aboutTwoSeconds(await drain(opened));
  });

  it('given an Opus file at another volume, when opened, then FFmpeg transcodes it', async () => {
    const opened = await opener.open(local('a.opus'), { positionMs: 0, volume: 40 });
    assert.equal(opened.mode, 'transcode');
    aboutTwoSeconds(await drain(opened));
  });

  it('given an Opus file and a start position, when opened, then FFmpeg copies the packets from there', async () => {
    const opened = await opener.open(local('a.opus'), { positionMs: 1_000, volume: 100 });
    assert.equal(opened.mode, 'remux');
    const packets = await drain(opened);
    assert.ok(packets >= 48 && packets <= 56, `${packets} packets`);
  });

  it('given an mp3, when opened, then FFmpeg encodes it to Opus', async () => {
    const opened = await opener.open(local('a.mp3'), { positionMs: 0, volume: 100 });
    assert.equal(opened.mode, 'transcode');
    aboutTwoSeconds(await drain(opened));
  });

  it('given a YouTube track, when opened, then yt-dlp’s Opus stream URL is remuxed, not re-encoded', async () => {
    const track = { uri: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', source: 'youtube', isStream: false };
    const opened = await opener.open(track, { positionMs: 0, volume: 100 });
    assert.equal(opened.mode, 'remux');
    aboutTwoSeconds(await drain(opened));
  });

  it('given a file that does not exist, when opened, then opening fails', async () => {
    await assert.rejects(opener.open(local('missing.mp3'), { positionMs: 0, volume: 100 }));
  });

  it('given an opened track, when closed early, then FFmpeg stops and no failure is reported', async () => {
    const opened = await opener.open(local('a.mp3'), { positionMs: 0, volume: 50 });
    opened.close();
    await opened.settled();
    assert.equal(opened.failure(), undefined);
  });
});
