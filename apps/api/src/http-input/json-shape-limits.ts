/** How large a JSON body's shape may be, whatever its size in bytes. */
export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays. */
  readonly maxDepth: number;
  /** Most fields in one object. */
  readonly maxKeys: number;
  /** Most items in one array. */
  readonly maxItems: number;
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Finds the first place where a JSON text breaks a shape limit, in one pass over its characters and
 * memory bounded by `maxDepth`, before anything recursive (the parser, class-transformer,
 * class-validator) sees it. Returns the refusal to send, or null when the shape is within limits.
 * The text is not validated as JSON here: the parser that runs next refuses malformed text.
 */
export function jsonShapeBreach(text: string, limits: JsonShapeLimits): string | null {
  const { maxDepth, maxKeys, maxItems } = limits;
  // commas[d] counts the separators seen in the container open at depth d; isObject[d] says which kind.
  const commas = new Uint32Array(maxDepth + 1);
  const isObject = new Uint8Array(maxDepth + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: only an unescaped quote ends it.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === maxDepth) return `The request body is nested more than ${maxDepth} levels deep`;
      depth++;
      commas[depth] = 0;
      isObject[depth] = c === OPEN_OBJECT ? 1 : 0;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0) depth--;
    } else if (c === COMMA && depth > 0) {
      const count = ++commas[depth] + 1;
      if (isObject[depth] === 1 && count > maxKeys) {
        return `An object in the request body has more than ${maxKeys} fields`;
      }
      if (isObject[depth] === 0 && count > maxItems) {
        return `An array in the request body has more than ${maxItems} items`;
      }
    }
  }
  return null;
}
