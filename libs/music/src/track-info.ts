/** Which source found a track; also which one knows how to play it back. */
export type SourceName = 'local' | 'http' | 'ytdlp';

/** A track as a source describes it, before it becomes the player domain's `Track`. */
export interface TrackInfo {
  readonly title: string;
  readonly artist: string;
  /** Milliseconds; 0 when unknown or live. */
  readonly durationMs: number;
  /** `file:///…` for the local library, the media URL for http, the page URL for yt-dlp. */
  readonly uri: string;
  /** Stable id within its source (path hash, URL, or the site's video id). */
  readonly identifier: string;
  readonly thumbnail: string | null;
  readonly isStream: boolean;
  readonly source: SourceName;
  /** The site yt-dlp took it from (`youtube`, `soundcloud`, …), or the source name. */
  readonly site: string;
}

/** What a query resolves to: one track, or the tracks of a playlist in order. */
export interface Resolution {
  readonly kind: 'track' | 'playlist';
  readonly tracks: readonly TrackInfo[];
  /** The playlist's name, when there is one. */
  readonly name?: string;
}
