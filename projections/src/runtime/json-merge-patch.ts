const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An RFC 7396 merge patch of parsed JSON, as SQLite's `json_patch` applies it (so a projection can fold
 * patches in memory and agree with its per-event SQL): a non-object patch replaces the target, a null
 * member deletes, an object member patches recursively. Key order follows SQLite (kept in place,
 * new keys last) except for keys that look like array indexes, which JavaScript objects put first.
 * Returns a new value; the inputs are left as they were.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  // No prototype: a "__proto__" member is then an ordinary key, as it is in the JSON text.
  const result: Record<string, unknown> = Object.assign(Object.create(null), isObject(target) ? target : {});
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
