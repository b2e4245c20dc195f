import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTone } from '#music/testing/test-audio';
import { startFakeDiscord, type FakeDiscord, type StoredGuild } from '#test/support/discord/index';
import { until } from '#test/support/discord/voice/voice-world';
import {
  freePort,
  issueAdminKeyWithCli,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';

interface PlayerBody {
  voice_channel_id: string | null;
  now_playing: { track: { title: string }; position_ms: number } | null;
  is_playing: boolean;
  playback: {
    state: string;
    source: string | null;
    voice_fault: { cause: string; close_code: number | null; reconnecting: boolean } | null;
  };
}

// The whole path: a Guildhall process logged in to the local Discord plays a tone from MUSIC_DIR into
// its voice server, which decrypts every RTP packet and decodes the Opus frames it hears.
describe('music you can hear: Guildhall on a local Discord with a voice server', () => {
  let discord: FakeDiscord;
  let guild: StoredGuild;
  let stage: string;
  let dir: string;
  let server: ServerProcess;
  let auth: Record<string, string>;

  before(async () => {
    discord = await startFakeDiscord({ voice: true });
    guild = discord.addGuild({
      name: 'Tavern',
      channels: [{ name: 'general' }, { name: 'Stage', type: 'voice' }],
    });
    stage = [...guild.channels.values()].find((c) => c.name === 'Stage')!.id;
    dir = mkdtempSync(join(tmpdir(), 'guildhall-voice-play-'));
    await writeTone(join(dir, 'music', 'low.opus'), {
      seconds: 3,
      frequency: 440,
      tags: { title: 'Low Tone' },
    });
    await writeTone(join(dir, 'music', 'long.mp3'), {
      seconds: 20,
      frequency: 880,
      tags: { title: 'Long Tone' },
    });
    const data = join(dir, 'data');
    auth = { authorization: `Bearer ${await issueAdminKeyWithCli(data)}` };
    server = await startServerProcess(data, await freePort(), {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      NODE_EXTRA_CA_CERTS: discord.voice.caPath,
      MUSIC_DIR: join(dir, 'music'),
      PLAYER_POSITION_CHECKPOINT_SECONDS: '1',
      PLAYER_IDLE_DISCONNECT_SECONDS: '2',
    });
  });
  after(async () => {
    await server?.kill('SIGTERM');
    await discord?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/v1/servers/${guild.id}/music${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...auth },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const player = async () => (await (await call('GET', '/queue')).json()) as PlayerBody;
  const join_ = async () => {
    // The guild reaches Guildhall's registry through GUILD_CREATE: retry until it is known.
    for (let i = 0; ; i++) {
      const res = await call('PUT', '/voice-channel', { channel_id: stage });
      if (res.status === 200 || i === 100) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('given a join and a queued tone, when it plays, then the voice server hears it whole, and the player leaves when idle', async () => {
    // when
    assert.equal((await join_()).status, 200);
    assert.equal((await call('POST', '/queue', { query: 'low tone' })).status, 201);
    // then: about 50 non-silent frames a second, no sequence gap, on one encrypted session
    await discord.voice.waitForFrames(guild.id, 140, 15_000);
    await until(() => discord.voice.framesInGuild(guild.id) >= 145, 'the whole tone', 5_000).catch(() => {});
    const [heard] = discord.voice.heardInGuild(guild.id);
    assert.ok(heard.frames >= 140 && heard.frames <= 160, `${heard.frames} frames for 3 s`);
    assert.equal(heard.sequenceGaps, 0);
    assert.ok(heard.rms > 0.05, `rms ${heard.rms}`);
    // then: after the idle time the bot leaves the channel
    await until(() => discord.voice.states.of(guild.id) === undefined, 'the idle disconnect', 10_000);
    assert.equal((await player()).voice_channel_id, null);
  });

  it('given a long tone playing, when the voice server crashes (4015), then it resumes near where it was', async () => {
    assert.equal((await join_()).status, 200);
    assert.equal((await call('POST', '/queue', { query: 'long tone' })).status, 201);
    const before = discord.voice.framesInGuild(guild.id);
    await discord.voice.waitForFrames(guild.id, before + 100, 15_000);
    const reading = await player();
    assert.equal(reading.playback.source, 'worker');
    assert.equal(reading.is_playing, true);
    const heardBefore = discord.voice.framesInGuild(guild.id) - before;
    // position is frames heard, not a clock: within a few frames of what the voice server counted
    assert.ok(
      Math.abs(reading.now_playing!.position_ms - heardBefore * 20) <= 200,
      `${reading.now_playing!.position_ms} ms vs ${heardBefore} frames`,
    );
    // when
    discord.voice.closeSocket(guild.id, 4015);
    const after4015 = discord.voice.framesInGuild(guild.id);
    await discord.voice.waitForFrames(guild.id, after4015 + 50, 10_000);
    // then: the same session plays on without a gap, and the position still matches what was heard
    const heard = discord.voice.heardInGuild(guild.id).at(-1)!;
    assert.equal(heard.sequenceGaps, 0);
    const now = await player();
    const heardTotal = discord.voice.framesInGuild(guild.id) - before;
    assert.ok(
      Math.abs(now.now_playing!.position_ms - heardTotal * 20) <= 300,
      `${now.now_playing!.position_ms} ms vs ${heardTotal} frames`,
    );
  });

  it('given a track playing, when a moderator disconnects the bot (4014), then playback stops and the fault is recorded', async () => {
    // when
    discord.voice.disconnectBot(guild.id);
    // then (after the grace a move would have had)
    let body = await player();
    for (let i = 0; i < 100 && body.voice_channel_id !== null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = await player();
    }
    assert.equal(body.voice_channel_id, null);
    assert.equal(body.now_playing, null);
    assert.equal(body.is_playing, false);
    assert.deepEqual(
      { ...body.playback.voice_fault, since: undefined },
      { cause: 'socket_closed', close_code: 4014, reconnecting: false, since: undefined },
    );
    const frames = discord.voice.framesInGuild(guild.id);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(discord.voice.framesInGuild(guild.id), frames, 'no frame after the disconnect');
  });
});
