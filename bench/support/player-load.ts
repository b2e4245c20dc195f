import { dirname } from 'node:path';
import { NoSubscriberBehavior } from '@discordjs/voice';
import { TrackOpener } from '#music';
import { GuildAudio } from '../../apps/bot/src/voice/guild-audio';
import { PacketTap } from '../../apps/bot/src/voice/testing/packet-tap';
import { childrenPssBytes, treeCpuMs } from './process-usage';

/** What one load run measured; printed as JSON for the parent benchmark. */
export interface PlayerLoadResult {
  readonly players: number;
  readonly modes: Record<string, number>;
  readonly windowMs: number;
  readonly cpuMsPerStreamPerS: number;
  /** Node's RSS growth plus the FFmpeg children's PSS, per player. */
  readonly rssBytesPerPlayer: number;
  readonly worstDeficit: number;
  readonly meanDeficit: number;
  readonly silenceFrames: number;
  readonly failed: number;
}

/**
 * `node player-load.js <players> <file> <volume> <warmupMs> <windowMs>`: N guild players, the
 * worker's own GuildAudio and TrackOpener, each playing `file` into a PacketTap standing in for a
 * voice connection (no network). Frames are counted over a window after a warm-up, against the
 * 50 a second Discord expects.
 */
async function main(): Promise<void> {
  const [players, file, volume, warmupMs, windowMs] = process.argv.slice(2);
  const count = Number(players);
  const opener = new TrackOpener({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe', musicDir: dirname(file) });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let failed = 0;
  const guilds = Array.from({ length: count }, () => {
    const audio = new GuildAudio(
      opener,
      (ended) => ended.reason === 'failed' && failed++,
      NoSubscriberBehavior.Play,
    );
    return { audio, tap: PacketTap.attach(audio.player) };
  });
  const track = { uri: file, source: 'local', isStream: false };
  await Promise.all(guilds.map(({ audio }, i) => audio.play(`t${i}`, i, track, 0, Number(volume))));
  await sleep(Number(warmupMs));

  const start = { at: performance.now(), cpu: treeCpuMs(), frames: guilds.map((g) => g.tap.audio) };
  const silenceStart = guilds.reduce((s, g) => s + g.tap.silence, 0);
  await sleep(Number(windowMs));
  const elapsed = performance.now() - start.at;
  const cpu = treeCpuMs() - start.cpu;
  const rss = process.memoryUsage().rss - rssBefore + childrenPssBytes();
  const expected = elapsed / 20;
  const deficits = guilds.map((g, i) => Math.max(0, 1 - (g.tap.audio - start.frames[i]) / expected));
  const modes: Record<string, number> = {};
  for (const { audio } of guilds) modes[audio.mode ?? 'ended'] = (modes[audio.mode ?? 'ended'] ?? 0) + 1;
  const result: PlayerLoadResult = {
    players: count,
    modes,
    windowMs: elapsed,
    cpuMsPerStreamPerS: cpu / count / (elapsed / 1000),
    rssBytesPerPlayer: rss / count,
    worstDeficit: Math.max(...deficits),
    meanDeficit: deficits.reduce((a, b) => a + b, 0) / count,
    silenceFrames: guilds.reduce((s, g) => s + g.tap.silence, 0) - silenceStart,
    failed,
  };
  for (const { audio } of guilds) audio.stop();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
