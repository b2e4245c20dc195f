import { DomainError } from '../shared/domain-error';
import { assertPlainText } from '../shared/plain-text';

// Field checks shared by the command-list rules (internal: not exported from the domain's index).
// Messages follow the seed's one sample ("Command arg types must be a string with the value …"); the
// offending element's path goes in `field`, so a message never varies with where the mistake is.
export const refuse = (code: string, message: string, field: string): never => {
  throw new DomainError('invalid', code, message, field);
};

/** Characters as people count them: code points, so an emoji is one, not two. */
export const length = (text: string): number => [...text].length;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function refuseUnknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  at: string,
): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const names = unknown.map((k) => `"${k}"`).join(', ');
    refuse(
      'unknown_field',
      `${at ? 'Commands' : 'The request'} cannot have the field ${names}`,
      at || 'body',
    );
  }
}

/** Single-line text (names, aliases, permissions): no control or invisible characters at all. */
export function text(value: unknown, max: number, message: string, code: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || length(value) > max) refuse(code, message, field);
  assertPlainText(value as string, field);
  return value as string;
}

/** `multiline` (descriptions) lets line breaks through; every other control character is refused. */
export function nullableText(
  value: unknown,
  max: number,
  message: string,
  code: string,
  field: string,
  multiline = false,
) {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || length(value) > max) refuse(code, message, field);
  assertPlainText(value as string, field, { multiline });
  return value as string;
}

/** A list of strings or null, each checked by `each`; `noun` names the list in messages. */
export function textList(
  value: unknown,
  max: number,
  noun: string,
  field: string,
  each: (item: unknown, at: string) => string,
): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) refuse(`invalid_${noun}`, `Command ${noun} must be an array or null`, field);
  const list = value as unknown[];
  if (list.length > max) refuse(`too_many_${noun}`, `There is a limit of ${max} ${noun} per command`, field);
  return list.map((item, i) => each(item, `${field}[${i}]`));
}
