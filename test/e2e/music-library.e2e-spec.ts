import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTone } from '#music/testing/test-audio';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const SERVER = '123456789012345678';

describe('music from a local library (MUSIC_DIR), through the REST API', () => {
  let music: string;
  let t: TestApp;
  let authorization: string;
  before(async () => {
    music = mkdtempSync(join(tmpdir(), 'guildhall-music-'));
    await writeTone(join(music, 'Tone Artist - Library Tone.mp3'), {
      seconds: 2,
      tags: { title: 'Library Tone', artist: 'Tone Artist' },
      artwork: true,
    });
    process.env.MUSIC_DIR = music;
    t = await startTestApp();
    await t.registerGuild(SERVER);
    authorization = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
  });
  after(async () => {
    delete process.env.MUSIC_DIR;
    await t.close();
    rmSync(music, { recursive: true, force: true });
  });

  it('given a tagged file, when Hexify plays it by free text, then the queue shows its tags and its cover is served', async () => {
    const play = await t.app.inject({
      method: 'POST',
      url: `/v2/servers/${SERVER}/music/play`,
      headers: { authorization },
      payload: { query: 'library tone' },
    });
    assert.equal(play.statusCode, 201, play.body);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${SERVER}/music/queue`,
      headers: { authorization },
    });
    const entry = queue.json().queue[0] ?? queue.json().now_playing?.track;
    assert.equal(entry.title, 'Library Tone');
    assert.equal(entry.author, 'Tone Artist');
    assert.equal(entry.duration_sec, 2);
    assert.match(entry.thumbnail, /^\/v1\/music\/artwork\/[A-Za-z0-9_-]+$/);
    const art = await t.app.inject({ method: 'GET', url: entry.thumbnail });
    assert.equal(art.statusCode, 200);
    assert.match(String(art.headers['content-type']), /^image\//);
    assert.ok(art.rawPayload.length > 0);
  });

  it('given malformed file URLs (a host, an encoded slash), when played, then 400 naming query', async () => {
    for (const query of ['file://127.0.0.1/etc/passwd', `file://${music}/album%2Fsong.mp3`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/v2/servers/${SERVER}/music/play`,
        headers: { authorization },
        payload: { query },
      });
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(res.json().field, 'query');
    }
  });

  it('given an unknown cover id, then 404', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/music/artwork/nope' })).statusCode, 404);
  });
});
