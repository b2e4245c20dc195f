import { DomainError } from './domain-error';

/**
 * Characters no stored text should hold: C0/C1 controls (NUL, ESC, CR, LF, TAB, DEL…), format
 * characters (bidi embeddings and overrides U+202A–202E and isolates U+2066–2069, zero-width
 * U+200B–200D, U+FEFF, soft hyphen…) and the Unicode line and paragraph separators. They hide text,
 * reorder what a moderator reads, or break the logs and terminals the text is shown in.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** The same, except LF: multi-line free text (descriptions, reviews) keeps its line breaks. */
const HIDDEN_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The first hidden character of `text` as `U+XXXX`, or null; `multiline` lets LF through. */
export function findHiddenCharacter(text: string, multiline = false): string | null {
  const match = (multiline ? HIDDEN_EXCEPT_NEWLINE : HIDDEN).exec(text);
  if (!match) return null;
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a text is refused, naming the field and the character, e.g. `name must not contain U+202E …`. */
export const hiddenCharacterMessage = (field: string, found: string, multiline: boolean): string =>
  `${field} must not contain control or invisible characters (found ${found})${multiline ? '; only line breaks (\\n) are allowed' : ''}`;

/**
 * Refuses text holding a hidden character: identifiers and single-line text (names, prefixes, tags,
 * labels) take none; multi-line free text takes LF only. Linear in the text.
 */
export function assertPlainText(value: string, field: string, { multiline = false } = {}): void {
  const found = findHiddenCharacter(value, multiline);
  if (found !== null) {
    throw new DomainError(
      'invalid',
      'control_character',
      hiddenCharacterMessage(field, found, multiline),
      field,
    );
  }
}
