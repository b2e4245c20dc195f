import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` of a stream (fewer if it ends first) and gives back a stream that
 * still yields everything from the first byte, so a body can be looked at before it is passed on.
 */
export async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = source[Symbol.asyncIterator]();
  while (size < bytes) {
    const next = (await iterator.next()) as IteratorResult<Buffer>;
    if (next.done) break;
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value as Buffer;
  }
  const stream = Readable.from(replay(), { objectMode: false });
  stream.once('close', () => void iterator.return?.());
  return { head, stream };
}

const PLAYLIST_TYPES = /mpegurl|x-scpls|dash\+xml/i;

/**
 * An HLS or m3u playlist (or PLS, DASH): it names other URLs FFmpeg would open by itself, past
 * the guard, so such a body is refused rather than played.
 */
export function isPlaylist(contentType: string | undefined, head: Buffer): boolean {
  const text = head
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  return PLAYLIST_TYPES.test(contentType ?? '') || /^#EXTM3U|^\[playlist\]|^<\?xml[^>]*>\s*<MPD/i.test(text);
}

/** Ogg Opus or WebM Opus, told from a body's first bytes; undefined for anything else. */
export function opusContainerOf(head: Buffer): 'ogg' | 'webm' | undefined {
  if (head.subarray(0, 4).toString('latin1') === 'OggS' && head.subarray(0, 64).includes('OpusHead')) {
    return 'ogg';
  }
  if (
    head.length >= 4 &&
    head.readUInt32BE(0) === 0x1a45dfa3 &&
    head.includes('webm') &&
    head.includes('A_OPUS')
  )
    return 'webm';
  return undefined;
}
