import { basename } from 'node:path';
import { parseStream } from 'music-metadata';
import type { OutboundGuard } from '#outbound';
import { InvalidQueryError, notFound, outboundFailure } from '../resolver-errors';
import { toSeconds, type Resolution, type TrackInfo } from '../track-info';
import { isPlaylist, peek } from './media-sniff';
import type { TrackSource } from './track-source';

/** Tags sit at the start of a file; a probe never reads more than this, whatever the file's size. */
const PROBE_MAX_BYTES = 32 * 1024 * 1024;

export const PLAYLIST_REFUSED =
  'playlist URLs (HLS .m3u8, .m3u, .pls, DASH) are not played: give the URL of an audio file or stream';

/**
 * Direct http(s) media URLs (a file on a web server, an Icecast/Shoutcast stream). The body is
 * fetched through the outbound guard and its tags read in-process (music-metadata), so no tool
 * ever opens the URL itself; the player later fetches it through the guard again.
 */
export class HttpSource implements TrackSource {
  readonly name = 'http' as const;

  constructor(private readonly guard: OutboundGuard) {}

  claims(url: URL): boolean {
    return url.protocol === 'http:' || url.protocol === 'https:';
  }

  async resolveUrl(url: URL, signal?: AbortSignal): Promise<Resolution> {
    return { kind: 'track', tracks: [await this.probe(url, signal)] };
  }

  async probe(url: URL, signal: AbortSignal = AbortSignal.timeout(15_000)): Promise<TrackInfo> {
    const response = await this.guard
      .fetch(url, { signal, maxBytes: PROBE_MAX_BYTES, headers: { 'icy-metadata': '0' } })
      .catch((error: unknown) => {
        throw outboundFailure(url.href, error);
      });
    const { head, stream } = await peek(response.body, 512).catch((error: unknown) => {
      throw outboundFailure(url.href, error);
    });
    try {
      if (response.status < 200 || response.status > 299) throw notFound(url.href, `HTTP ${response.status}`);
      const contentType = response.headers['content-type']?.split(';')[0].trim();
      if (isPlaylist(contentType, head)) throw new InvalidQueryError(PLAYLIST_REFUSED);
      const length = Number(response.headers['content-length']);
      const live = !Number.isFinite(length) || response.headers['icy-name'] !== undefined;
      const parsed = await untilAborted(
        parseStream(
          stream,
          { mimeType: contentType, size: live ? undefined : length },
          { skipCovers: true, skipPostHeaders: live },
        ),
        signal,
      ).catch((error: unknown) => {
        throw error instanceof InvalidQueryError ? error : notFound(url.href, error);
      });
      if (!parsed.format.codec && !parsed.format.container)
        throw notFound(url.href, 'no audio in the response');
      const fileName = decodeURIComponent(basename(url.pathname)).replace(/\.[a-z0-9]{1,5}$/i, '');
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const durationSec = live ? 0 : toSeconds((parsed.format.duration ?? 0) * 1000);
      return {
        title: parsed.common.title || header('icy-name') || fileName || url.hostname,
        author:
          parsed.common.artist || parsed.common.albumartist || header('icy-description') || url.hostname,
        durationSec,
        uri: url.href,
        identifier: url.href,
        thumbnail: null,
        isStream: live || durationSec === 0,
        source: 'http',
      };
    } finally {
      stream.destroy();
      response.body.destroy();
    }
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('the probe took too long'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('the probe took too long'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
