import { DomainError, LOOP_MODES, type LoopMode } from '#domain';

// Arguments as members type them, into the values the actions take. Every refusal names the argument.

const invalid = (field: string, message: string) =>
  new DomainError('invalid', 'invalid_argument', `${field} ${message}`, field);

const TIMESTAMP = /^(?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,6})$/;

/** `90`, `1:30` or `1:02:03` into milliseconds. */
export function parseTimestamp(text: string, field: string): number {
  const match = TIMESTAMP.exec(text.trim());
  const [hours, minutes, seconds] = (match?.slice(1) ?? []).map((part) => Number(part ?? 0));
  const colons = text.split(':').length - 1;
  if (!match || (colons > 0 && seconds! >= 60) || (colons > 1 && minutes! >= 60)) {
    throw invalid(field, 'must be seconds, m:ss or h:mm:ss');
  }
  return ((hours! * 60 + minutes!) * 60 + seconds!) * 1000;
}

const ON = new Set(['on', 'true', 'yes', 'enable', 'enabled']);
const OFF = new Set(['off', 'false', 'no', 'disable', 'disabled']);

/** `on`/`off` (and `yes`/`no`, `true`/`false`, `enable`/`disable`). */
export function parseOnOff(text: string | undefined, field: string): boolean {
  const word = text?.trim().toLowerCase() ?? '';
  if (ON.has(word)) return true;
  if (OFF.has(word)) return false;
  throw invalid(field, 'must be on or off');
}

/** A whole number from 1 up, as `/queue` numbers tracks. */
export function parsePosition(text: string | undefined, field: string): number {
  const value = Number(text);
  if (!text || !/^\d{1,6}$/.test(text) || value < 1) throw invalid(field, 'must be a whole number from 1');
  return value;
}

/** A whole number between `min` and `max`. */
export function parseInteger(text: string | undefined, field: string, min: number, max: number): number {
  const value = Number(text);
  if (!text || !/^-?\d{1,6}$/.test(text) || value < min || value > max) {
    throw invalid(field, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function parseLoopMode(text: string | undefined, field: string): LoopMode {
  const mode = text?.trim().toLowerCase();
  if (!LOOP_MODES.includes(mode as LoopMode)) throw invalid(field, `must be one of ${LOOP_MODES.join(', ')}`);
  return mode as LoopMode;
}

/** A channel mention (`<#id>`) or id; `off` or `none` clears the setting (null). */
export function parseChannel(text: string | undefined, field: string): string | null {
  const word = text?.trim() ?? '';
  if (/^(off|none)$/i.test(word)) return null;
  const id = /^<#(\d{1,20})>$/.exec(word)?.[1] ?? (/^\d{1,20}$/.test(word) ? word : undefined);
  if (!id) throw invalid(field, 'must be a channel (#channel or its id), or off');
  return id;
}

/** Refuses a prefix command given without the arguments it needs, showing how it is used. */
export function usage(line: string): DomainError {
  return new DomainError('invalid', 'missing_argument', `usage: \`${line}\``);
}
