import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../support/server-process';

interface DemoSummary {
  music_dir: string;
  keys: Record<'hexify' | 'elixir', string>;
}

describe("the demo's music library: real audio the seeds' play examples resolve to", () => {
  let dataDir: string;
  let server: ServerProcess;
  let demo: DemoSummary;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-demo-music-'));
    // The server starts before the demo, as the README has it: it must find the demo's library once
    // written. No MUSIC_DIR and no yt-dlp: the demo's library is the only source.
    const env = { YTDLP_PATH: 'off', MUSIC_DIR: '' };
    server = await startServerProcess(dataDir, await freePort(), env);
    const run = await runCli(dataDir, ['demo'], env);
    assert.equal(run.code, 0, run.stderr);
    demo = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as DemoSummary;
    // Demo keys work once the server has seen the data directory become a demo one.
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${server.url}/v2/servers/123456789`, {
        headers: { authorization: `Bearer ${demo.keys.hexify}` },
      });
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  after(async () => {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a real music library under DATA_DIR: every seed track as audio FFmpeg decodes, as long as the seeds say', () => {
    const dir = join(dataDir, 'demo-music');
    assert.equal(demo.music_dir, dir);
    const seeds: Record<string, number> = {
      'Never Gonna Give You Up': 213,
      'Bohemian Rhapsody': 354,
      'Andrés Cepeda - Magia ft. Sebastián Yatra': 203,
      'Pedro Capó, Farruko - Calma (Remix - Official Video)': 238,
      'Bacilos - Caraluna (Official Music Video)': 269,
      "my ex's best friend (with blackbear)": 139,
      'Tuyo (Narcos Theme)': 151,
    };
    const found: Record<string, number> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.opus'))) {
      const path = join(dir, file);
      const probe = JSON.parse(
        execFileSync('ffprobe', ['-v', 'error', '-of', 'json', '-show_format', '-show_streams', path], {
          encoding: 'utf8',
        }),
      ) as { format: { duration: string }; streams: { codec_name: string; tags?: Record<string, string> }[] };
      // Ogg keeps its Vorbis comments on the stream.
      const [audio] = probe.streams;
      assert.equal(audio.codec_name, 'opus');
      const title = Object.entries(audio.tags ?? {}).find(([k]) => k.toLowerCase() === 'title')?.[1];
      found[String(title)] = Math.round(Number(probe.format.duration));
      const decoded = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-'], {
        encoding: 'utf8',
      });
      assert.equal(decoded.status, 0, `${file}: ${decoded.stderr}`);
      assert.equal(decoded.stderr, '', `${file} decodes without an error`);
    }
    assert.deepEqual(found, seeds);
  });

  const post = (path: string, key: string, payload: object) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });

  it("Elixir: playing the seed's Spotify track answers sample #2 verbatim, from the demo's library", async () => {
    const res = await post('/api/v1/766045633697021973/play', demo.keys.elixir, {
      'user.id': '946443578849243156',
      query: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      title: "my ex's best friend (with blackbear)",
      author: 'mgk',
      duration: 139,
      formattedDuration: '00:00/02:19',
      uri: 'https://open.spotify.com/track/7kDUspsoYfLkWnZR7qwHZl',
      thumbnail: 'https://i.scdn.co/image/ab67616d0000b273d4d4929a3a86fe2f9fadbd42',
      position: 0,
      isStream: false,
      identifier: '7kDUspsoYfLkWnZR7qwHZl',
      requestedBy: '946443578849243156',
    });
  });

  it("Elixir: playing the demo's playlist answers the seed's first sample verbatim", async () => {
    const res = await post('/api/v1/766045633697021973/play', demo.keys.elixir, {
      'user.id': '946443578849243156',
      query: 'Elixir sample playlist',
    });
    assert.equal(res.status, 200);
    const track = (title: string, author: string, duration: number, clock: string, id: string) => ({
      title,
      author,
      duration,
      formattedDuration: `00:00/${clock}`,
      uri: `https://www.youtube.com/watch?v=${id}`,
      thumbnail: `https://i.ytimg.com/vi/${id}/default.jpg`,
      position: 0,
      isStream: false,
      identifier: id,
      requestedBy: '946443578849243156',
    });
    assert.deepEqual(await res.json(), [
      track('Andrés Cepeda - Magia ft. Sebastián Yatra', 'Andrés Cepeda', 203, '03:23', '_n1o4D6G_XE'),
      track(
        'Pedro Capó, Farruko - Calma (Remix - Official Video)',
        'Pedro Capó',
        238,
        '03:58',
        '1_zgKRBrT0Y',
      ),
      track('Bacilos - Caraluna (Official Music Video)', 'Warner Música', 269, '04:29', '-zgDXIi1uYw'),
    ]);
  });

  it("Hexify: the seed's play body adds Rick Astley, as the queue example shows him", async () => {
    const res = await post('/v2/servers/123456789/music/play', demo.keys.hexify, {
      query: 'never gonna give you up rick astley',
      source: 'youtube',
      requested_by: '123456789012345678',
    });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { added: unknown[] };
    assert.deepEqual(body.added, [
      {
        title: 'Never Gonna Give You Up',
        artist: 'Rick Astley',
        duration: 213,
        requested_by: '123456789012345678',
        url: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
      },
    ]);
  });
});
