import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrackResolver } from '#domain';
import { MusicTrackResolver } from '#music';
import { CommandsFixture, EPHEMERAL } from '../support/discord-commands';
import { HEXIFY_PROFILE, startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = '123456789012345678';
const ELIXIR_GUILD = '766045633697021973';
const ELIXIR_USER = '460177285954142208';
const QUERY = 'never gonna give you up';

/** Every TypeScript file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('a fresh instance with no music source configured (no MUSIC_DIR, no demo, no yt-dlp)', () => {
  let t: TestApp;
  let owner: string;
  let elixir: string;
  const saved = { MUSIC_DIR: process.env.MUSIC_DIR, YTDLP_PATH: process.env.YTDLP_PATH };
  before(async () => {
    delete process.env.MUSIC_DIR;
    process.env.YTDLP_PATH = 'off';
    t = await startTestApp();
    await t.registerGuild(SERVER);
    owner = `Bearer ${(await t.issueKey(HEXIFY_PROFILE.ownerId, { tier: 'enterprise' })).key}`;
    elixir = `Bearer ${(await t.issueKey(ELIXIR_USER, { tier: 'enterprise', guildId: ELIXIR_GUILD })).key}`;
  });
  after(async () => {
    await t.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const post = (url: string, authorization: string, payload: object) =>
    t.app.inject({ method: 'POST', url, payload, headers: { authorization } });

  it("given Hexify's seed query, when POST /v2/servers/{id}/music/play, then 404 track_not_found", async () => {
    const res = await post(`/v2/servers/${SERVER}/music/play`, owner, { query: QUERY, source: 'youtube' });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.json().code, 'track_not_found');
  });

  it('given the same query, when POST /api/v1/{guild}/play (Elixir), then 404', async () => {
    const res = await post(`/api/v1/${ELIXIR_GUILD}/play`, elixir, { 'user.id': ELIXIR_USER, query: QUERY });
    assert.equal(res.statusCode, 404, res.body);
  });

  it('given the same query, when POST /v1/servers/{id}/music/queue (canonical), then 404 and nothing is queued', async () => {
    const res = await post(`/v1/servers/${SERVER}/music/queue`, owner, { query: QUERY });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.json().code, 'track_not_found');
    const queue = await t.app.inject({
      method: 'GET',
      url: `/v1/servers/${SERVER}/music/queue`,
      headers: { authorization: owner },
    });
    assert.deepEqual(queue.json().queue, []);
  });

  it('then every door resolves through the music sources alone: no other resolver is wired', () => {
    assert.equal(t.app.get(TrackResolver), t.app.get(MusicTrackResolver));
  });

  it('then no production module names the removed seed catalogue', () => {
    const production = ['apps', 'libs', 'projections'].flatMap((dir) => sources(join(ROOT, dir)));
    const naming = production.filter((file) =>
      /CatalogueTrackResolver|FallbackTrackResolver|SEED_TRACKS|SEED_PLAYLISTS|seed-catalogue/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    assert.ok(production.length > 100, `scanned ${production.length} files`);
    assert.deepEqual(naming, []);
  });
});

describe('the Discord door with a library that lacks the song', () => {
  let t: CommandsFixture;
  before(async () => (t = await CommandsFixture.start()));
  after(() => t.stop());

  it('given /play of a seed song no source holds, then the ephemeral refusal says nothing was found', async () => {
    const answer = await t.slash({ name: 'play', user: 'bob', options: { query: QUERY } });
    assert.equal(answer.flags & EPHEMERAL, EPHEMERAL);
    assert.equal(answer.content, `❌ no track found for "${QUERY}"`);
  });
});
