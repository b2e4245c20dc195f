/** One line of an M3U playlist, with what its `#EXTINF` said about it. */
export interface M3uEntry {
  /** As written: a relative or absolute path, a `file:` URL, or an http(s) URL. */
  readonly location: string;
  readonly title?: string;
  readonly artist?: string;
  /** Milliseconds; undefined when the playlist gives none (or -1, a stream). */
  readonly durationMs?: number;
}

const EXTINF = /^#EXTINF:\s*(-?\d+(?:\.\d+)?)[^,]*,(.*)$/;

/**
 * Parses plain and extended M3U (`.m3u`, `.m3u8`). `#EXTINF:<seconds>,<Artist> - <Title>` is the
 * de-facto form; attributes between the duration and the comma (`tvg-id="…"`) are skipped.
 */
export function parseM3u(text: string): M3uEntry[] {
  const entries: M3uEntry[] = [];
  let pending: Omit<M3uEntry, 'location'> | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const info = EXTINF.exec(line);
      if (info) {
        const seconds = Number(info[1]);
        const label = info[2].trim();
        const dash = label.indexOf(' - ');
        pending = {
          durationMs: seconds >= 0 ? Math.round(seconds * 1000) : undefined,
          ...(dash > 0
            ? { artist: label.slice(0, dash).trim(), title: label.slice(dash + 3).trim() }
            : { title: label || undefined }),
        };
      }
      continue;
    }
    entries.push({ location: line, ...pending });
    pending = undefined;
  }
  return entries;
}
