import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ffmpegArgs } from './ffmpeg-args';

const after = (args: string[], flag: string, count = 1) =>
  args.slice(args.indexOf(flag) + 1, args.indexOf(flag) + 1 + count);

describe('ffmpegArgs', () => {
  it('given a local mp3 at volume 45 from 90 s, when planned, then it seeks the file, filters and encodes Ogg Opus', () => {
    const args = ffmpegArgs({ input: { file: '/music/a.mp3' }, positionMs: 90_000, volume: 45, copy: false });
    assert.deepEqual(args.slice(args.indexOf('-ss'), args.indexOf('-ss') + 6), [
      '-ss',
      '90.000',
      '-protocol_whitelist',
      'file',
      '-i',
      'file:/music/a.mp3',
    ]);
    assert.deepEqual(after(args, '-af', 3), ['volume=0.45', '-c:a', 'libopus']);
    assert.deepEqual(args.slice(-3), ['-f', 'ogg', 'pipe:1']);
  });

  it('given volume 100, when transcoding, then no volume filter runs', () => {
    assert.ok(
      !ffmpegArgs({ input: { file: '/a.flac' }, positionMs: 0, volume: 100, copy: false }).includes('-af'),
    );
  });

  it('given an Opus source to copy, when planned, then packets are copied with no filter or encoder', () => {
    const args = ffmpegArgs({ input: { file: '/a.webm' }, positionMs: 1_500, volume: 100, copy: true });
    assert.deepEqual(after(args, '-c:a'), ['copy']);
    assert.ok(!args.includes('libopus') && !args.includes('-af'));
  });

  it('given bytes on stdin from 30 s, when planned, then FFmpeg may open only the pipe and seeks after reading', () => {
    const args = ffmpegArgs({ input: 'stdin', positionMs: 30_000, volume: 100, copy: false });
    assert.deepEqual(after(args, '-protocol_whitelist', 3), ['pipe', '-i', 'pipe:0']);
    assert.ok(args.indexOf('-ss') > args.indexOf('pipe:0'));
    assert.ok(!args.some((a) => /^https?:|reconnect|headers/.test(a)));
  });
});
