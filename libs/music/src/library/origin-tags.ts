import type { IAudioMetadata } from 'music-metadata';

/**
 * Where a library file came from, as its tags say. A file downloaded with yt-dlp's
 * `--embed-metadata` carries its page URL as `purl` (and as its comment); `identifier` and
 * `thumbnail` are what `--parse-metadata "id:%(meta_identifier)s"` and
 * `"thumbnail:%(meta_thumbnail)s"` write. A track read from such a file shows them instead of the
 * file's path, hash and embedded cover, and a query for its URL finds it here.
 */
export interface TrackOrigin {
  /** The page the track came from (an http(s) URL). */
  readonly sourceUrl?: string;
  /** The source's own id for it, e.g. a YouTube video id. */
  readonly sourceId?: string;
  /** A cover image URL (http(s)). */
  readonly thumbnailUrl?: string;
}

const MAX_TAG_LENGTH = 2_048;
const HTTP_URL = /^https?:\/\/\S+$/i;

/** The origin fields of a parsed file; tag names are matched case-insensitively, in any tag format. */
export function readOrigin({ common, native }: IAudioMetadata): TrackOrigin {
  const named = (name: string): string | undefined => {
    for (const tags of Object.values(native)) {
      for (const tag of tags) {
        // Vorbis `PURL`, ID3 `TXXX:purl`, MP4 `----:com.apple.iTunes:purl` all end in the name.
        if (tag.id.split(':').at(-1)?.toLowerCase() !== name) continue;
        const value = textOf(tag.value);
        if (value) return value;
      }
    }
    return undefined;
  };
  const url = (value: string | undefined) => (value && HTTP_URL.test(value) ? value : undefined);
  const comment = common.comment?.map((c) => url(textOf(c.text))).find(Boolean);
  return {
    sourceUrl: url(named('purl')) ?? url(common.website) ?? comment,
    sourceId: named('identifier'),
    thumbnailUrl: url(named('thumbnail')),
  };
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text && text.length <= MAX_TAG_LENGTH && !/[\u0000-\u001f\u007f]/.test(text) ? text : undefined;
}

/**
 * How source URLs are compared: the scheme, a leading `www.`, the fragment and a trailing slash do
 * not matter, so `https://youtube.com/watch?v=x` and `http://www.youtube.com/watch?v=x` are one.
 */
export function originKey(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${path}${u.search}`;
  } catch {
    return url;
  }
}
