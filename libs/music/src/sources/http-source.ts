import { basename } from 'node:path';
import { ffprobe } from '../process/ffprobe';
import { notFound } from '../resolver-errors';
import { toSeconds, type Resolution, type TrackInfo } from '../track-info';
import type { TrackSource } from './track-source';

/**
 * Direct http(s) media URLs (a file on a web server, an Icecast/Shoutcast stream, HLS): FFprobe
 * reads the metadata the way FFmpeg will later read the audio, so what probes is what plays.
 */
export class HttpSource implements TrackSource {
  readonly name = 'http' as const;

  constructor(private readonly options: { ffprobePath?: string; timeoutMs?: number } = {}) {}

  claims(url: URL): boolean {
    return url.protocol === 'http:' || url.protocol === 'https:';
  }

  async resolveUrl(url: URL): Promise<Resolution> {
    return { kind: 'track', tracks: [await this.probe(url)] };
  }

  async probe(url: URL): Promise<TrackInfo> {
    const probed = await ffprobe(url.href, this.options).catch((error: unknown) => {
      throw notFound(url.href, error);
    });
    const fileName = decodeURIComponent(basename(url.pathname)).replace(/\.[a-z0-9]{1,5}$/i, '');
    const tags = probed.tags;
    return {
      title: tags.title || tags['icy-name'] || fileName || url.hostname,
      author: tags.artist || tags.album_artist || tags['icy-description'] || url.hostname,
      durationSec: toSeconds(probed.durationMs),
      uri: url.href,
      identifier: url.href,
      thumbnail: null,
      isStream: probed.isStream,
      source: 'http',
    };
  }
}
