import type { DiscordInvocation } from '../discord-invocation';
import type { DiscordReply } from '../discord-reply';

/** A message that starts with the prefix, split into the command's name and what follows it. */
export interface PrefixedMessage {
  /** Lower case: names match in any case. */
  readonly name: string;
  /** The words after the name. */
  readonly args: readonly string[];
  /** Everything after the name, as typed (a search query keeps its spacing and case). */
  readonly rest: string;
}

/** Thrown by `argument` when a word the command needs is missing; the listener answers with the usage. */
export class MissingArgumentError extends Error {
  override readonly name = 'MissingArgumentError';
}

/** The `index`th word after the name (the whole rest with `'rest'`); missing: MissingArgumentError. */
export function argument(message: PrefixedMessage, index: number | 'rest'): string {
  const value = index === 'rest' ? message.rest : message.args[index];
  if (!value) throw new MissingArgumentError(`argument ${index} is missing`);
  return value;
}

/** A prefix command: its name, its aliases, how to use it, and what it does. */
export interface PrefixCommand {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** The arguments as the usage line shows them, e.g. `<query>`. */
  readonly usage?: string;
  run(invocation: DiscordInvocation, message: PrefixedMessage): Promise<DiscordReply>;
}

/**
 * Splits `content` when it starts with `prefix` (in any case, as members type `H!play` on phones);
 * null otherwise, or when nothing but the prefix was typed.
 */
export function parsePrefixed(content: string, prefix: string): PrefixedMessage | null {
  if (prefix.length === 0 || content.length <= prefix.length) return null;
  if (content.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return null;
  const body = content.slice(prefix.length);
  const match = /^(\S+)\s*([\s\S]*)$/.exec(body);
  if (!match) return null;
  const rest = match[2]!.trim();
  return { name: match[1]!.toLowerCase(), args: rest.length > 0 ? rest.split(/\s+/) : [], rest };
}
