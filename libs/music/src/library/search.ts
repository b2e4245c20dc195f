import type { LibraryEntry } from './tags';

/** Lower-case, accents folded, punctuation to spaces: "Beyoncé – Halo!" matches "beyonce halo". */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Scores an entry against a query: every query word must appear in the title, artist, album or file
 * path, or the entry does not match (score 0). Title hits weigh most, and an exact title or
 * "artist title" match wins outright, so "halo" picks the song called Halo over "Halo (live)".
 */
export function score(entry: LibraryEntry, query: string): number {
  const words = query.split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const title = normalize(entry.title);
  const artist = normalize(entry.artist);
  const album = normalize(entry.album);
  const path = normalize(entry.path);
  let total = 0;
  for (const word of words) {
    if (title.includes(word)) total += title.split(' ').includes(word) ? 4 : 3;
    else if (artist.includes(word)) total += 2;
    else if (album.includes(word) || path.includes(word)) total += 1;
    else return 0;
  }
  if (title === query || `${artist} ${title}` === query || `${title} ${artist}` === query) total += 100;
  // Among equal scores, the shorter title is the closer match.
  return total + 1 / (1 + title.length);
}

/** The best `limit` entries for `query`, best first. */
export function search(entries: Iterable<LibraryEntry>, query: string, limit = 1): LibraryEntry[] {
  const normalized = normalize(query);
  const hits: { entry: LibraryEntry; score: number }[] = [];
  for (const entry of entries) {
    const s = score(entry, normalized);
    if (s > 0) hits.push({ entry, score: s });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.path.localeCompare(b.entry.path));
  return hits.slice(0, limit).map((h) => h.entry);
}
