import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeTone } from '#music/testing/test-audio';
import type { Report } from './report';
import type { PlayerLoadResult } from './support/player-load';

const run$ = promisify(execFile);
// Overridable for quick runs and for finding the ceiling: BENCH_PLAYER_PASSTHROUGH, BENCH_PLAYER_TRANSCODE.
const PASSTHROUGH = Number(process.env.BENCH_PLAYER_PASSTHROUGH ?? 100);
const TRANSCODE = Number(process.env.BENCH_PLAYER_TRANSCODE ?? 25);
const WARMUP_MS = Number(process.env.BENCH_PLAYER_WARMUP_MS ?? 3_000);
const WINDOW_MS = Number(process.env.BENCH_PLAYER_WINDOW_MS ?? 10_000);
const MAX_DEFICIT = 0.01;

const hasTaskset = () => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** One load run in a child process, pinned to core 0 with its FFmpeg children when taskset exists. */
async function load(
  players: number,
  file: string,
  volume: number,
  pinned: boolean,
): Promise<PlayerLoadResult> {
  const child = [
    '--expose-gc',
    join(__dirname, 'support/player-load.js'),
    String(players),
    file,
    String(volume),
    String(WARMUP_MS),
    String(WINDOW_MS),
  ];
  const [command, args] = pinned
    ? ['taskset', ['-c', '0', process.execPath, ...child]]
    : [process.execPath, child];
  const { stdout } = await run$(command, args, { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as PlayerLoadResult;
}

function reportRun(report: Report, label: string, result: PlayerLoadResult): void {
  report({ name: `player ${label}: players on one core`, value: result.players, unit: 'players' });
  report({
    name: `player ${label}: worst player's frame deficit`,
    value: result.worstDeficit * 100,
    unit: '%',
    target: { atMost: MAX_DEFICIT * 100 },
  });
  report({
    name: `player ${label}: players that failed`,
    value: result.failed,
    unit: 'players',
    target: { atMost: 0 },
  });
  report({ name: `player ${label}: mean frame deficit`, value: result.meanDeficit * 100, unit: '%' });
  report({ name: `player ${label}: CPU per stream`, value: result.cpuMsPerStreamPerS / 10, unit: '% core' });
  report({
    name: `player ${label}: memory per player (RSS + FFmpeg PSS)`,
    value: result.rssBytesPerPlayer / 2 ** 20,
    unit: 'MiB',
  });
  report({
    name: `player ${label}: silence frames in window (all)`,
    value: result.silenceFrames,
    unit: 'frames',
  });
}

/**
 * N concurrent guild players in one process on one core, each playing a local file into a stand-in
 * voice connection: passthrough (Ogg Opus, no FFmpeg) and transcoded (MP3 through FFmpeg to Opus).
 * Frame deficit is 1 − frames delivered / (window ÷ 20 ms), per player.
 */
export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guildhall-player-bench-'));
  try {
    // FFmpeg runs ahead of playback by what the pipes buffer (about 12 s at 128 kbps); the file must
    // outlast that, or FFmpeg would finish inside the window and its steady-state cost go unmeasured.
    const seconds = Math.ceil((WARMUP_MS + WINDOW_MS) / 1000) + 40;
    const [opus, mp3] = await Promise.all([
      writeTone(join(dir, 'bench.opus'), { seconds, frequency: 440 }),
      writeTone(join(dir, 'bench.mp3'), { seconds, frequency: 440 }),
    ]);
    const pinned = hasTaskset();
    report({
      name: 'player: pinned to one core with taskset',
      value: pinned ? 1 : 0,
      unit: pinned ? 'yes' : 'no',
    });
    const passthrough = await load(PASSTHROUGH, opus, 100, pinned);
    reportRun(report, 'passthrough', passthrough);
    const transcoded = await load(TRANSCODE, mp3, 100, pinned);
    reportRun(report, 'transcoded', transcoded);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
