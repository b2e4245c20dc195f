import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { writeTone } from '#music/testing/test-audio';
import { startFakeDiscord, type FakeDiscord, type StoredGuild } from '#test/support/discord/index';
import type { HeardFrame } from '#test/support/discord/voice/heard';
import { freePort, issueAdminKeyWithCli, startServerProcess, type ServerProcess } from './server-process';

/** A file in MUSIC_DIR: a tone, or (with `then`) a tone that changes frequency half-way. */
export interface ToneFile {
  readonly file: string;
  readonly title: string;
  readonly seconds: number;
  readonly hz: number;
  /** The second half's frequency: lets a test tell where in the track it is by what it hears. */
  readonly then?: number;
}

/** The canonical `/v1` player body, as far as these tests read it. */
export interface PlayerBody {
  voice_channel_id: string | null;
  now_playing: { track: { title: string }; position_ms: number; paused?: boolean } | null;
  is_playing: boolean;
  volume: number;
  playback: {
    state: string;
    source: string | null;
    voice_fault: { cause: string; close_code: number | null; reconnecting: boolean } | null;
  };
}

export interface VoiceGuildhall {
  readonly discord: FakeDiscord;
  readonly guild: StoredGuild;
  readonly dataDir: string;
  readonly musicDir: string;
  server: ServerProcess;
  readonly auth: Record<string, string>;
  channel(name: string): string;
  /** A call on `/v1/servers/{guild}/music{path}` with the admin key. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
  player(): Promise<PlayerBody>;
  /** Canonical join, retried until the guild has reached Guildhall through GUILD_CREATE. */
  join(channelName?: string): Promise<void>;
  queue(query: string): Promise<void>;
  /** Every frame of the guild's voice sessions, oldest session first. */
  timeline(): HeardFrame[];
  /** Non-silence frames heard in the guild so far. */
  audible(): number;
  /** The player stream's events, read from the process's SQLite event store. */
  events(): { type: string; data: Record<string, unknown> }[];
  startServer(env?: Record<string, string>): Promise<ServerProcess>;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

/** A sine (or a two-part one) by FFmpeg; the ffmpeg sine source's amplitude is 1/8 of full scale. */
async function writeToneFile(path: string, tone: ToneFile): Promise<void> {
  if (tone.then === undefined)
    return void (await writeTone(path, {
      seconds: tone.seconds,
      frequency: tone.hz,
      tags: { title: tone.title },
    }));
  mkdirSync(join(path, '..'), { recursive: true });
  const half = tone.seconds / 2;
  // Commas inside a filter's option are escaped, or they would separate filters.
  const expr = `0.125*sin(2*PI*if(lt(t\\,${half})\\,${tone.hz}\\,${tone.then})*t)`;
  await execFileAsync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `aevalsrc=${expr}:s=48000:d=${tone.seconds}`, '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '96k'],
    ...['-id3v2_version', '3', '-metadata', `title=${tone.title}`, path],
  ]);
}

/**
 * A Guildhall process logged in to a local Discord with its voice server, playing tones from its
 * MUSIC_DIR into a guild with voice channels Stage, Lounge and Cellar (alice sits in Cellar).
 */
export async function startVoiceGuildhall(
  tones: readonly ToneFile[],
  env: Record<string, string> = {},
): Promise<VoiceGuildhall> {
  const discord = await startFakeDiscord({ voice: true });
  const guild = discord.addGuild({
    name: 'Tavern',
    roles: [{ name: 'Admin', permissions: 8n }],
    channels: [
      { name: 'general' },
      { name: 'Stage', type: 'voice' },
      { name: 'Lounge', type: 'voice' },
      { name: 'Cellar', type: 'voice' },
    ],
    members: [{ username: 'alice', roles: ['Admin'], voiceChannel: 'Cellar' }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-voice-'));
  const cleanUp = async () => {
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return await startIn(discord, guild, dir, cleanUp, tones, env);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function startIn(
  discord: FakeDiscord,
  guild: StoredGuild,
  dir: string,
  cleanUp: () => Promise<void>,
  tones: readonly ToneFile[],
  env: Record<string, string>,
): Promise<VoiceGuildhall> {
  const musicDir = join(dir, 'music');
  const dataDir = join(dir, 'data');
  await Promise.all(tones.map((t) => writeToneFile(join(musicDir, t.file), t)));
  const auth = { authorization: `Bearer ${await issueAdminKeyWithCli(dataDir)}` };
  const baseEnv = {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    NODE_EXTRA_CA_CERTS: discord.voice.caPath,
    MUSIC_DIR: musicDir,
    PLAYER_POSITION_CHECKPOINT_SECONDS: '1',
    PLAYER_IDLE_DISCONNECT_SECONDS: '0',
    ...env,
  };
  const startServer = async (over: Record<string, string> = {}) =>
    startServerProcess(dataDir, await freePort(), { ...baseEnv, ...over });
  const world: VoiceGuildhall = {
    discord,
    guild,
    dataDir,
    musicDir,
    server: await startServer(),
    auth,
    channel: (name) => [...guild.channels.values()].find((c) => c.name === name)!.id,
    call: (method, path, body) =>
      fetch(`${world.server.url}/v1/servers/${guild.id}/music${path}`, {
        method,
        headers: body === undefined ? auth : { 'content-type': 'application/json', ...auth },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    player: async () => (await (await world.call('GET', '/queue')).json()) as PlayerBody,
    async join(channelName = 'Stage') {
      for (let i = 0; ; i++) {
        const res = await world.call('PUT', '/voice-channel', { channel_id: world.channel(channelName) });
        if (res.status === 200) return;
        if (i === 150) throw new Error(`join: ${res.status} ${await res.text()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async queue(query) {
      const res = await world.call('POST', '/queue', { query });
      if (res.status !== 201) throw new Error(`queue ${query}: ${res.status} ${await res.text()}`);
    },
    timeline: () => discord.voice.heardInGuild(guild.id).flatMap((h) => h.timeline),
    audible: () => world.timeline().filter((f) => !f.silence).length,
    events() {
      const db = new DatabaseSync(join(dataDir, 'events.sqlite'), { readOnly: true });
      try {
        const rows = db
          .prepare('SELECT type, data FROM events WHERE stream_id = ? ORDER BY revision')
          .all(`player-${guild.id}`) as { type: string; data: string }[];
        return rows.map((r) => ({ type: r.type, data: JSON.parse(r.data) as Record<string, unknown> }));
      } finally {
        db.close();
      }
    },
    startServer,
    async stop() {
      await world.server?.kill('SIGTERM');
      await cleanUp();
    },
  };
  return world;
}

/** The median decoded frequency of some frames (0 when none was decoded). */
export function medianHz(frames: readonly HeardFrame[]): number {
  const hz = frames.flatMap((f) => (f.hz === undefined || f.silence ? [] : [f.hz])).sort((a, b) => a - b);
  return hz.length ? hz[Math.floor(hz.length / 2)]! : 0;
}

/** The RMS level of some decoded frames, 0..1 of full scale. */
export function levelOf(frames: readonly HeardFrame[]): number {
  const rms = frames.flatMap((f) => (f.rms === undefined || f.silence ? [] : [f.rms]));
  return Math.sqrt(rms.reduce((sum, r) => sum + r * r, 0) / (rms.length || 1));
}

/** Resolves once `frames()` stops growing for `quietMs`. */
export async function settled(frames: () => number, quietMs = 400, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = frames();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const now = frames();
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return now;
  }
  throw new Error('frames kept coming');
}

/** Polls an async condition until it holds. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  holds: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
