import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ffmpegArgs } from './ffmpeg-args';

describe('ffmpegArgs', () => {
  it('given a local mp3 at volume 45 from 90 s, when planned, then it seeks, filters and encodes Ogg Opus', () => {
    const args = ffmpegArgs({ input: '/music/a.mp3', positionMs: 90_000, volume: 45, copy: false });
    assert.deepEqual(args.slice(args.indexOf('-ss'), args.indexOf('-ss') + 4), [
      '-ss',
      '90.000',
      '-i',
      '/music/a.mp3',
    ]);
    assert.deepEqual(args.slice(args.indexOf('-af'), args.indexOf('-af') + 4), [
      '-af',
      'volume=0.45',
      '-c:a',
      'libopus',
    ]);
    assert.deepEqual(args.slice(-3), ['-f', 'ogg', 'pipe:1']);
    assert.ok(!args.includes('-reconnect'));
  });

  it('given volume 100, when transcoding, then no volume filter runs', () => {
    assert.ok(!ffmpegArgs({ input: '/a.flac', positionMs: 0, volume: 100, copy: false }).includes('-af'));
  });

  it('given an Opus source to copy, when planned, then packets are copied with no filter or encoder', () => {
    const args = ffmpegArgs({ input: '/a.webm', positionMs: 1_500, volume: 100, copy: true });
    assert.deepEqual(args.slice(args.indexOf('-c:a'), args.indexOf('-c:a') + 2), ['-c:a', 'copy']);
    assert.ok(!args.includes('libopus') && !args.includes('-af'));
  });

  it('given a remote input with headers, when planned, then FFmpeg reconnects and sends the headers', () => {
    const args = ffmpegArgs({
      input: 'https://cdn.example/a',
      positionMs: 0,
      volume: 100,
      copy: false,
      headers: { 'User-Agent': 'x', Accept: '*/*' },
    });
    assert.ok(args.includes('-reconnect_streamed'));
    assert.equal(args[args.indexOf('-headers') + 1], 'User-Agent: x\r\nAccept: */*\r\n');
    assert.ok(!args.includes('-ss'));
  });
});
