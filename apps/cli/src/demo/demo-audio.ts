import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DemoTrack } from './demo-tracks';

const run = promisify(execFile);

/**
 * Mono Opus at a low bitrate in CELT-only mode with the cheapest complexity: a sine needs no more,
 * and the seeds' 26 minutes then encode in a couple of seconds. Ogg Opus is what the player passes to
 * Discord without re-encoding; mono packets decode on every stereo Opus decoder.
 */
export const DEMO_OPUS_ARGS = ['-ac', '1', '-c:a', 'libopus', '-b:a', '12k', '-application', 'lowdelay'];
const COVER_SIZE = 128;

/**
 * Writes `track` to `path` as Ogg Opus: its tone for its real length, tagged with its title, artist,
 * source URL (`PURL`, as yt-dlp's `--embed-metadata` writes it), identifier and thumbnail, and a
 * generated PNG cover embedded as a Vorbis `METADATA_BLOCK_PICTURE` (FFmpeg's Ogg muxer takes no
 * picture stream).
 */
export async function writeDemoTrack(path: string, track: DemoTrack, ffmpegPath = 'ffmpeg'): Promise<void> {
  const cover = await coverPng(track.cover, ffmpegPath);
  const tags: Record<string, string> = {
    TITLE: track.title,
    ARTIST: track.artist,
    ALBUM: 'Guildhall demo',
    PURL: track.sourceUrl,
    IDENTIFIER: track.sourceId,
    THUMBNAIL: track.thumbnailUrl,
    METADATA_BLOCK_PICTURE: flacPictureBlock(cover, COVER_SIZE).toString('base64'),
  };
  await run(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=${track.frequencyHz}:sample_rate=48000:duration=${track.seconds}`],
    ...DEMO_OPUS_ARGS,
    ...['-compression_level', '0', '-map_metadata', '-1'],
    ...Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
    path,
  ]);
}

/** A square PNG of one colour, drawn by FFmpeg. */
async function coverPng(rgb: string, ffmpegPath: string): Promise<Buffer> {
  const { stdout } = await run(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
      ...['-i', `color=c=0x${rgb}:s=${COVER_SIZE}x${COVER_SIZE}`, '-frames:v', '1'],
      ...['-f', 'image2pipe', '-c:v', 'png', '-'],
    ],
    { encoding: 'buffer' },
  );
  return stdout;
}

/** The FLAC picture block (RFC 9639 §8.8) that Vorbis comments carry base64-encoded: a front cover. */
function flacPictureBlock(png: Buffer, size: number): Buffer {
  const mime = Buffer.from('image/png');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const FRONT_COVER = 3;
  return Buffer.concat([
    u32(FRONT_COVER),
    u32(mime.length),
    mime,
    u32(0), // no description
    u32(size),
    u32(size),
    u32(24), // colour depth
    u32(0), // not indexed
    u32(png.length),
    png,
  ]);
}
