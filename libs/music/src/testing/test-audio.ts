import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ToneOptions {
  readonly seconds: number;
  readonly frequency?: number;
  readonly tags?: Readonly<Record<string, string>>;
  /** Embed a small generated PNG as the front cover (mp3 only). */
  readonly artwork?: boolean;
}

const CODEC_ARGS: Readonly<Record<string, readonly string[]>> = {
  '.mp3': ['-c:a', 'libmp3lame', '-b:a', '96k', '-id3v2_version', '3'],
  '.ogg': ['-c:a', 'libvorbis', '-q:a', '2'],
  '.opus': ['-c:a', 'libopus', '-b:a', '96k'],
  '.flac': ['-c:a', 'flac'],
  '.webm': ['-c:a', 'libopus', '-b:a', '96k'],
  '.wav': ['-c:a', 'pcm_s16le'],
};

/**
 * Writes a sine tone of `seconds` to `path`, encoded by its extension, with `tags` as ID3 or Vorbis
 * comments. Tests and benchmarks generate their audio this way instead of committing binary fixtures.
 */
export async function writeTone(path: string, options: ToneOptions): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  const codec = CODEC_ARGS[ext];
  if (!codec) throw new Error(`writeTone: no codec for ${ext}`);
  const frequency = options.frequency ?? 440;
  const inputs = [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:sample_rate=48000:duration=${options.seconds}`,
  ];
  const cover = options.artwork
    ? ['-f', 'lavfi', '-i', 'color=c=orange:s=16x16:d=1', '-frames:v', '1', '-map', '0:a', '-map', '1:v']
    : [];
  const coverCodec = options.artwork
    ? ['-c:v', 'png', '-disposition:v', 'attached_pic', '-metadata:s:v', 'comment=Cover (front)']
    : [];
  const metadata = Object.entries(options.tags ?? {}).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    ...cover,
    '-ac',
    '2',
    ...codec,
    ...coverCodec,
    ...metadata,
    path,
  ]);
  return path;
}
