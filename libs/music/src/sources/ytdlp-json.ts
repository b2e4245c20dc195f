import { toSeconds, type TrackInfo } from '../track-info';

/**
 * The fields Guildhall reads from yt-dlp's info JSON (`-J` / `--dump-single-json`): a video, a
 * playlist (`_type: "playlist"` with `entries`), or, with `--flat-playlist`, entries of
 * `_type: "url"` that carry only what the listing page had.
 */
export interface YtDlpInfo {
  readonly _type?: 'video' | 'playlist' | 'url' | 'url_transparent' | 'multi_video';
  readonly id?: string;
  readonly title?: string;
  readonly track?: string | null;
  readonly artist?: string | null;
  readonly creator?: string | null;
  readonly uploader?: string | null;
  readonly channel?: string | null;
  readonly duration?: number | null;
  readonly webpage_url?: string;
  readonly original_url?: string;
  readonly url?: string;
  readonly thumbnail?: string | null;
  readonly thumbnails?: readonly { url: string; width?: number; height?: number }[] | null;
  readonly is_live?: boolean | null;
  readonly live_status?: string | null;
  readonly extractor_key?: string;
  readonly ie_key?: string;
  readonly entries?: readonly (YtDlpInfo | null)[];
  /** Of the format `-f` selected (single-format selections). */
  readonly format_id?: string;
  readonly acodec?: string | null;
  readonly ext?: string;
  readonly protocol?: string;
  readonly http_headers?: Readonly<Record<string, string>>;
  readonly requested_formats?: readonly YtDlpInfo[];
}

/** yt-dlp's extractor as the track's source: `Youtube` → `youtube`, `SoundcloudSet` → `soundcloud`, else `ytdlp`. */
export function siteOf(info: YtDlpInfo, fallback: string): string {
  const key = (info.extractor_key ?? info.ie_key ?? fallback).toLowerCase();
  for (const site of ['youtube', 'soundcloud']) {
    if (key.startsWith(site)) return site;
  }
  return 'ytdlp';
}

/** One video (or flat entry) as a track; undefined when it has nothing to play it by. */
export function trackFromInfo(info: YtDlpInfo, fallbackSite: string): TrackInfo | undefined {
  const uri = info.webpage_url ?? info.original_url ?? info.url;
  if (!uri || !info.title) return undefined;
  const thumbnails = info.thumbnails ?? [];
  return {
    title: info.track || info.title,
    author: info.artist || info.creator || info.uploader || info.channel || 'Unknown artist',
    durationSec: info.duration ? toSeconds(info.duration * 1000) : 0,
    uri,
    identifier: info.id ?? uri,
    thumbnail: info.thumbnail ?? thumbnails[thumbnails.length - 1]?.url ?? null,
    isStream: info.is_live === true || info.live_status === 'is_live',
    source: siteOf(info, fallbackSite),
  };
}
