const MAX_CODE_POINT = 0x10ffff;
const SURROGATES = { first: 0xd800, last: 0xdfff } as const;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The half-open range of stream ids starting with `prefix`, for `stream_id >= from AND stream_id < to`:
 * SQLite compares TEXT with memcmp over UTF-8, which orders strings as their code points, so every id
 * with the prefix lies between the prefix and the prefix with its last code point increased. Two plain
 * comparisons cost SQLite less per row than `substr(stream_id, 1, length(?)) = ?`. `to` is undefined
 * when no string is above the range (a prefix of U+10FFFF only); the whole result is undefined for a
 * prefix holding a lone surrogate, which has no UTF-8 form to compare with.
 */
export function prefixRange(prefix: string): { from: string; to: string | undefined } | undefined {
  if (LONE_SURROGATE.test(prefix)) return undefined;
  const points = [...prefix].map((char) => char.codePointAt(0) as number);
  while (points.length > 0) {
    const last = (points.pop() as number) + 1;
    if (last > MAX_CODE_POINT) continue;
    const next = last === SURROGATES.first ? SURROGATES.last + 1 : last;
    return { from: prefix, to: String.fromCodePoint(...points, next) };
  }
  return { from: prefix, to: undefined };
}
