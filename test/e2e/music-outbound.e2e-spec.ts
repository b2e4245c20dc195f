import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countingServer, type CountingServer } from '#outbound/testing/counting-server';
import { tempDir } from '#music/testing/temp-dir';
import { writeTone } from '#music/testing/test-audio';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';
const USER = '460177285954142208';

/**
 * Server-side request forgery through the music doors. The trap listens on every loopback address
 * (`::`, dual stack) and must never see a connection; the media server on 127.0.0.3 is the one
 * host the operator allow-listed (OUTBOUND_ALLOWED_HOSTS).
 */
describe('music doors refuse URLs that point inside (outbound guard)', () => {
  const tmp = tempDir();
  let trap: CountingServer;
  let media: CountingServer;
  let t: TestApp;
  let owner: string;
  let elixir: string;

  before(async () => {
    const song = await writeTone(join(tmp.dir, 'song.mp3'), { seconds: 1, tags: { title: 'Allowed Song' } });
    trap = await countingServer('::', (_req, res) => res.end('internal'));
    media = await countingServer('127.0.0.3', (req, res) => {
      if (req.url === '/to-trap.mp3')
        return res.writeHead(302, { location: `http://127.0.0.1:${trap.port}/` }).end();
      if (req.url === '/live.m3u8')
        return res.end(`#EXTM3U\n#EXTINF:2,\nhttp://127.0.0.1:${trap.port}/seg.ts\n`);
      res.end(readFileSync(song));
    });
    process.env.OUTBOUND_ALLOWED_HOSTS = '127.0.0.3';
    t = await startTestApp();
    await t.registerGuild(SERVER);
    owner = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    elixir = `Bearer ${(await t.issueKey(USER, { tier: 'enterprise', guildId: SERVER })).key}`;
  });
  after(async () => {
    delete process.env.OUTBOUND_ALLOWED_HOSTS;
    await t.close();
    await trap.close();
    await media.close();
    tmp.remove();
  });

  const doors = {
    hexify: (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/v2/servers/${SERVER}/music/play`,
        headers: { authorization: owner },
        payload: { query, requested_by: USER },
      }),
    elixir: (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/${SERVER}/play`,
        headers: { authorization: elixir },
        payload: { 'user.id': USER, query },
      }),
    canonical: (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/servers/${SERVER}/music/queue`,
        headers: { authorization: owner },
        payload: { query },
      }),
  };

  const hosts = [
    '127.0.0.1',
    'localhost',
    '2130706433',
    '0x7f000001',
    '127.1',
    '0',
    '[::ffff:127.0.0.1]',
    '[::1]',
  ];
  for (const [door, play] of Object.entries(doors)) {
    it(`given loopback URLs in every spelling, when played through ${door}, then each is 400 naming query and the listener sees nothing`, async () => {
      for (const host of hosts) {
        const res = await play(`http://${host}:${trap.port}/song.mp3`);
        assert.equal(res.statusCode, 400, `${host}: ${res.body}`);
        assert.equal(res.json().field, 'query', host);
        assert.match(res.json().message, /not a public address/, host);
      }
      for (const url of [
        'http://10.0.0.1/a.mp3',
        'http://169.254.169.254/latest/meta-data/',
        'http://[fd00::1]/a.mp3',
      ]) {
        const res = await play(url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().field, 'query');
      }
      assert.equal(trap.connections(), 0);
    });
  }

  it('given the allow-listed host, when played, then the track is queued', async () => {
    const res = await doors.canonical(`${media.base}/song.mp3`);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().added[0].title, 'Allowed Song');
  });

  it('given the allow-listed host redirecting into loopback, when played, then 400 at the redirect and the listener sees nothing', async () => {
    const res = await doors.hexify(`${media.base}/to-trap.mp3`);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().message, /127\.0\.0\.1/);
    assert.equal(trap.connections(), 0);
  });

  it('given an HLS playlist naming a loopback segment, when played, then 400 and the segment is never fetched', async () => {
    const res = await doors.elixir(`${media.base}/live.m3u8`);
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().message, /playlist URLs/);
    assert.equal(trap.connections(), 0);
  });
});
