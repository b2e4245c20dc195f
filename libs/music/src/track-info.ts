import type { TrackInfo } from '#domain';

export type { TrackInfo };

/** What a source resolved: one track, or the tracks of a playlist in order (and its name). */
export interface Resolution {
  readonly kind: 'track' | 'playlist';
  readonly tracks: readonly TrackInfo[];
  readonly name?: string;
}

/** Sources as the domain names them; yt-dlp tracks carry their site (`youtube`, `soundcloud`) or `ytdlp`. */
export type SourceName = 'local' | 'http' | 'ytdlp';

/** Whole seconds, as the domain keeps durations. */
export const toSeconds = (ms: number): number => Math.round(ms / 1000);
