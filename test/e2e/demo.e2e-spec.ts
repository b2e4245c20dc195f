import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../support/server-process';

interface DemoSummary {
  events_written: number;
  keys: Record<'hexify' | 'hush' | 'botnexus' | 'botsondiscord' | 'elixir', string>;
}

const lastJsonLine = (stdout: string): DemoSummary =>
  JSON.parse(stdout.trim().split('\n').at(-1)!) as DemoSummary;

describe("the demo dataset: each seed's documented requests on a fresh instance", () => {
  let dataDir: string;
  let server: ServerProcess;
  let demo: DemoSummary;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'guildhall-demo-'));
    server = await startServerProcess(dataDir, await freePort());
    const first = await runCli(dataDir, ['demo']);
    assert.equal(first.code, 0, first.stderr);
    demo = lastJsonLine(first.stdout);
  });
  after(async () => {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The CLI wrote through the shared event store; wait until the server's read models show it. */
  async function get(path: string, key: string): Promise<Response> {
    for (let i = 0; ; i++) {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
      if ((res.status !== 401 && res.status !== 404) || i === 100) return res;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('prints a key for every seed as its last line', () => {
    assert.deepEqual(Object.keys(demo.keys).sort(), [
      'botnexus',
      'botsondiscord',
      'elixir',
      'hexify',
      'hush',
    ]);
    assert.ok(Object.values(demo.keys).every((key) => key.startsWith('ghk_')));
    assert.ok(demo.events_written > 0);
  });

  it('given a second run, then nothing is written and the same keys are printed', async () => {
    const second = await runCli(dataDir, ['demo']);
    assert.equal(second.code, 0, second.stderr);
    const again = lastJsonLine(second.stdout);
    assert.equal(again.events_written, 0);
    assert.deepEqual(again.keys, demo.keys);
  });

  it("Hexify: GET /v2/servers/123456789012345678 answers the seed's example", async () => {
    const res = await get('/v2/servers/123456789012345678', demo.keys.hexify);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(
      {
        ...body,
        settings: {
          prefix: (body.settings as { prefix: string }).prefix,
          welcome_channel: (body.settings as { welcome_channel: string }).welcome_channel,
        },
      },
      {
        id: '123456789012345678',
        name: 'My Discord Server',
        member_count: 1250,
        premium: true,
        features: ['music', 'moderation', 'analytics'],
        settings: { prefix: 'h!', welcome_channel: '987654321098765432' },
      },
    );
    assert.equal((await get('/v2/servers/123456789', demo.keys.hexify)).status, 200);
  });

  it("Hush: stats and user answer the seed's examples", async () => {
    assert.deepEqual(await (await get('/v1/servers/123456/stats', demo.keys.hush)).json(), {
      members: 120,
      bots: 5,
      online: 95,
    });
    assert.deepEqual(await (await get('/v1/users/123456', demo.keys.hush)).json(), {
      id: '123456',
      username: 'User#1234',
      roles: ['Admin', 'Member'],
    });
  });

  it("Hexify: GET /v2/servers/123456789012345678/analytics answers the seed's example verbatim", async () => {
    const expected = {
      commands_used: {
        total: 1250,
        today: 45,
        breakdown: { music: 580, moderation: 320, fun: 250, utility: 100 },
      },
      active_users: { daily: 123, weekly: 456, monthly: 789 },
      member_growth: { joins_today: 5, leaves_today: 2, net_growth: 3 },
    };
    // The server's projector carries the CLI's events into ClickHouse within a moment.
    let body: unknown;
    for (let i = 0; i < 200; i++) {
      const res = await get('/v2/servers/123456789012345678/analytics', demo.keys.hexify);
      body = res.status === 200 ? await res.json() : undefined;
      if (JSON.stringify(body) === JSON.stringify(expected)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(body, expected);
    const server = (await (await get('/v2/servers/123456789012345678', demo.keys.hexify)).json()) as {
      member_count: number;
    };
    assert.equal(server.member_count, 1250, "the day's joins and leaves end at the seed's member count");
  });

  it("BotNexus: the Python example's submit, with no timestamp, succeeds as written", async () => {
    const res = await fetch(`${server.url}/v1/analytics/submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.keys.botnexus}`, 'content-type': 'application/json' },
      body: JSON.stringify({ server_id: '1029384756', active_users: 482 }),
    });
    assert.equal(res.status, 201);
  });

  it("Hexify's key may change its own server's settings", async () => {
    const res = await fetch(`${server.url}/v2/servers/123456789012345678/settings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.keys.hexify}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prefix: '!', welcome_channel: '987654321098765432' }),
    });
    assert.equal(res.status, 200);
  });
  /** The player read model catches up with the CLI's writes: poll until the guild's player shows. */
  async function getPlaying(path: string, key: string): Promise<Response> {
    for (let i = 0; ; i++) {
      const res = await get(path, key);
      const body = (await res.clone().json()) as { current_track?: unknown };
      if ((res.status === 200 && body.current_track !== null) || i === 100) return res;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("Hexify: the music queue is the seed's example, Rick Astley playing from 45 s", async () => {
    const res = await getPlaying('/v2/servers/123456789012345678/music/queue', demo.keys.hexify);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { current_track: { position: number } };
    // The track really plays on from 45 s (nothing pauses it), so the position is 45 plus the time since the load.
    const position = body.current_track.position;
    assert.ok(position >= 45 && position < 45 + 120, `position ${position}`);
    assert.deepEqual(
      { ...body, current_track: { ...body.current_track, position: 45 } },
      {
        current_track: {
          title: 'Never Gonna Give You Up',
          artist: 'Rick Astley',
          duration: 213,
          position: 45,
          url: 'https://youtube.com/watch?v=dQw4w9WgXcQ',
        },
        queue: [
          { title: 'Bohemian Rhapsody', artist: 'Queen', duration: 354, requested_by: '123456789012345678' },
        ],
        is_playing: true,
        volume: 75,
      },
    );
  });

  it('Elixir: nowplaying answers Tuyo (Narcos Theme) without a key', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 100 && res?.status !== 200; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 50));
      res = await fetch(`${server.url}/api/v1/766045633697021973/nowplaying`);
    }
    assert.equal(res!.status, 200);
    const body = (await res!.json()) as Record<string, unknown>;
    assert.equal(body.title, 'Tuyo (Narcos Theme)');
    assert.equal(body.requestedBy, '460177285954142208');
    assert.match(String(body.formattedDuration), /^0[0-2]:\d\d\/02:31$/);
  });

  it("Elixir's key may set the volume of its guild, as the seed's sample does", async () => {
    const res = await fetch(`${server.url}/api/v1/766045633697021973/volume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.keys.elixir}`, 'content-type': 'application/json' },
      body: JSON.stringify({ 'user.id': '460177285954142208', volume: 45 }),
    });
    assert.equal(res.status, 200);
    assert.equal(
      ((await res.json()) as { message: string }).message,
      'Successfully changed the volume to 45.',
    );
  });
});
