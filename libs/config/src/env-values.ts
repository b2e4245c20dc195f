import { z } from 'zod';

/** The configuration is wrong; the message names every bad variable, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** One environment variable's rule: a zod schema from its raw text (undefined when unset) to its value. */
export type EnvVar<T> = z.ZodType<T, string | undefined>;

/** The rules of a group of variables, by variable name. */
export type EnvShape = Record<string, EnvVar<unknown>>;

/** What a shape gives once parsed: each variable's value, by name. */
export type EnvValues<S extends EnvShape> = { [K in keyof S]: z.output<S[K]> };

/** What a parse function returns for a bad value: what the variable allows. */
export interface Refusal {
  readonly error: string;
}

/** Unset and empty are the same: the default applies. */
const raw = z.string().optional();
const present = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** Builds a rule from a parse function that returns the value or a message saying what is allowed. */
export function envVar<T>(parse: (text: string) => NoInfer<T> | Refusal, fallback: T): EnvVar<T> {
  return raw.transform((text, ctx) => {
    if (!present(text)) return fallback;
    const value = parse(text.trim());
    if (value !== null && typeof value === 'object' && 'error' in value) {
      ctx.addIssue({ code: 'custom', message: `${value.error}, got "${text}"` });
      return z.NEVER;
    }
    return value as T;
  });
}

export const integerVar = (fallback: number, min: number, max: number): EnvVar<number> =>
  envVar((text) => {
    const value = Number(text);
    return Number.isInteger(value) && value >= min && value <= max && /^-?\d+$/.test(text)
      ? value
      : { error: `must be an integer between ${min} and ${max}` };
  }, fallback);

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

export const flagVar = <T extends boolean | undefined = boolean>(fallback: T): EnvVar<boolean | T> =>
  envVar<boolean | T>((text) => {
    const lower = text.toLowerCase();
    if (TRUE.includes(lower)) return true;
    return FALSE.includes(lower) ? false : { error: 'must be true or false (or on/off, yes/no, 1/0)' };
  }, fallback);

/** One of a fixed list, compared without case. */
export const oneOfVar = <const T extends string>(values: readonly T[], fallback: T): EnvVar<T> =>
  envVar((text) => {
    const lower = text.toLowerCase() as T;
    return values.includes(lower) ? lower : { error: `must be one of ${values.join(', ')}` };
  }, fallback);

/** A URL (or connection string) that must start with one of `schemes` (`redis://`, …). */
export const schemeVar = (schemes: readonly string[]): EnvVar<string | undefined> =>
  envVar<string | undefined>(
    (text) =>
      schemes.some((scheme) => text.startsWith(`${scheme}://`))
        ? text
        : { error: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}` },
    undefined,
  );

/** Free text, trimmed; unset or empty gives the fallback. */
export const textVar = <T extends string | undefined>(fallback: T): EnvVar<string | T> =>
  envVar<string | T>((text) => text, fallback);

/**
 * Parses `env` against `shape`, and fails with every bad variable at once, one line each
 * (`PORT must be an integer between 0 and 65535, got "eighty"`), instead of stopping at the first.
 */
export function readEnv<S extends EnvShape>(
  env: NodeJS.ProcessEnv,
  shape: S,
  crossChecks?: (values: EnvValues<S>) => readonly string[],
): EnvValues<S> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) throw configErrorOf(result.error);
  const values = result.data as EnvValues<S>;
  const problems = crossChecks?.(values) ?? [];
  if (problems.length > 0) throw new ConfigError(formatProblems(problems));
  return values;
}

export function configErrorOf(error: z.ZodError): ConfigError {
  return new ConfigError(
    formatProblems(error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
  );
}

const formatProblems = (problems: readonly string[]): string =>
  problems.length === 1
    ? `Invalid configuration: ${problems[0]}`
    : `Invalid configuration (${problems.length} problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`;

/** One variable, checked alone (for readers outside loadConfig). */
export function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  return readEnv(env, { [name]: integerVar(fallback, min, max) })[name];
}

export function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  return readEnv(env, { [name]: flagVar(fallback) })[name] as boolean;
}
