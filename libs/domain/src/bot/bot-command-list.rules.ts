import { assertPlainText } from '../shared/plain-text';
import {
  isObject,
  length,
  nullableText,
  refuse,
  refuseUnknownFields,
  text,
  textList,
} from './bot-command-fields';

/** The limits Bots on Discord documents for a bot's command list, plus ours where it is silent. */
export const BOT_COMMAND_LIMITS = {
  maxCommands: 200,
  maxArgs: 20,
  maxAliases: 10,
  maxExamples: 6,
  exampleMaxLength: 200,
  maxPermissions: 10,
  descriptionMaxLength: 1_000,
  // Ours: the seed gives no limit for names, arg names, aliases, permissions, categories or prefixes.
  textMaxLength: 100,
  prefixMaxLength: 32,
} as const;

export const BOT_COMMAND_SORTS = ['default', 'none'] as const;
export const BOT_COMMAND_ARG_TYPES = ['required', 'optional'] as const;
export const BOT_COMMAND_COOLDOWN_UNITS = ['s', 'm', 'h', 'd'] as const;

export type BotCommandSort = (typeof BOT_COMMAND_SORTS)[number];
export interface BotCommandArg {
  readonly text: string;
  readonly type: (typeof BOT_COMMAND_ARG_TYPES)[number];
}

/** One command as stored: every optional field present, absent ones as null. */
export interface BotCommandSpec {
  readonly name: string;
  readonly description: string | null;
  /** A string is the arg's name; an object adds whether it is required. */
  readonly args: readonly (string | BotCommandArg)[] | null;
  readonly cooldown: number | null;
  /** Null means the default, seconds. */
  readonly cooldownUnit: (typeof BOT_COMMAND_COOLDOWN_UNITS)[number] | null;
  readonly aliases: readonly string[] | null;
  readonly examples: readonly string[] | null;
  readonly permissions: readonly string[] | null;
  readonly category: string | null;
  readonly prefix: string | null;
}

export interface BotCommandList {
  /** `null` in the input is stored as `default`: the seed gives both the same meaning. */
  readonly sort: BotCommandSort;
  readonly commands: readonly BotCommandSpec[];
}

const L = BOT_COMMAND_LIMITS;
const TOP_FIELDS = ['sort', 'commands'];
const COMMAND_FIELDS = [
  'name',
  'description',
  'args',
  'cooldown',
  'cooldownUnit',
  'aliases',
  'examples',
  'permissions',
  'category',
  'prefix',
];

function arg(value: unknown, at: string): string | BotCommandArg {
  const nameMessage = `Command arg names must be a non-empty string of up to ${L.textMaxLength} characters`;
  if (typeof value === 'string') return text(value, L.textMaxLength, nameMessage, 'invalid_arg', at);
  if (!isObject(value)) refuse('invalid_arg', 'Command args must be a string or an object', at);
  const input = value as Record<string, unknown>;
  const extra = Object.keys(input).filter((key) => key !== 'text' && key !== 'type');
  if (extra.length > 0) refuse('invalid_arg', 'Command args can only have the fields "text" and "type"', at);
  const name = text(input.text, L.textMaxLength, nameMessage, 'invalid_arg_text', `${at}.text`);
  const type = input.type;
  if (type !== 'required' && type !== 'optional') {
    refuse(
      'invalid_arg_type',
      'Command arg types must be a string with the value "required" or "optional"',
      `${at}.type`,
    );
  }
  return { text: name, type: type as BotCommandArg['type'] };
}

function cooldown(value: unknown, at: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    refuse('invalid_cooldown', 'Command cooldowns must be a number of at least 0, or null', at);
  }
  return value as number;
}

function cooldownUnit(value: unknown, at: string): BotCommandSpec['cooldownUnit'] {
  if (value === undefined || value === null) return null;
  if (!(BOT_COMMAND_COOLDOWN_UNITS as readonly unknown[]).includes(value)) {
    refuse(
      'invalid_cooldown_unit',
      'Command cooldown units must be a string with the value "s", "m", "h" or "d", or null',
      at,
    );
  }
  return value as BotCommandSpec['cooldownUnit'];
}

function command(value: unknown, at: string): BotCommandSpec {
  if (!isObject(value)) refuse('invalid_command', 'Commands must be objects', at);
  const c = value as Record<string, unknown>;
  refuseUnknownFields(c, COMMAND_FIELDS, at);
  const short = (noun: string) => (item: unknown, field: string) =>
    text(
      item,
      L.textMaxLength,
      `Command ${noun} must be non-empty strings of up to ${L.textMaxLength} characters`,
      `invalid_${noun}`,
      field,
    );
  return {
    name: text(
      c.name,
      L.textMaxLength,
      `Command names must be a non-empty string of up to ${L.textMaxLength} characters`,
      'invalid_name',
      `${at}.name`,
    ),
    description: nullableText(
      c.description,
      L.descriptionMaxLength,
      `Command descriptions must be a string of up to ${L.descriptionMaxLength} characters, or null`,
      'invalid_description',
      `${at}.description`,
      true,
    ),
    args: argList(c.args, `${at}.args`),
    cooldown: cooldown(c.cooldown, `${at}.cooldown`),
    cooldownUnit: cooldownUnit(c.cooldownUnit, `${at}.cooldownUnit`),
    aliases: textList(c.aliases, L.maxAliases, 'aliases', `${at}.aliases`, short('aliases')),
    examples: textList(c.examples, L.maxExamples, 'examples', `${at}.examples`, (item, field) => {
      if (typeof item !== 'string' || length(item) > L.exampleMaxLength) {
        refuse(
          'invalid_example',
          `Command examples must be strings of up to ${L.exampleMaxLength} characters`,
          field,
        );
      }
      assertPlainText(item as string, field);
      return item as string;
    }),
    permissions: textList(
      c.permissions,
      L.maxPermissions,
      'permissions',
      `${at}.permissions`,
      short('permissions'),
    ),
    category: nullableText(
      c.category,
      L.textMaxLength,
      `Command categories must be a string of up to ${L.textMaxLength} characters, or null`,
      'invalid_category',
      `${at}.category`,
    ),
    prefix: nullableText(
      c.prefix,
      L.prefixMaxLength,
      `Command prefixes must be a string of up to ${L.prefixMaxLength} characters, or null`,
      'invalid_prefix',
      `${at}.prefix`,
    ),
  };
}

function argList(value: unknown, at: string): (string | BotCommandArg)[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) refuse('invalid_args', 'Command args must be an array or null', at);
  const list = value as unknown[];
  if (list.length > L.maxArgs)
    refuse('too_many_args', `There is a limit of ${L.maxArgs} args per command`, at);
  return list.map((item, i) => arg(item, `${at}[${i}]`));
}

/**
 * Validates a command list exactly as a bot sends it (`{sort, commands}`) and returns its stored form,
 * or null when `commands` is null (the bot unsets its command data).
 */
export function parseBotCommandList(input: unknown): BotCommandList | null {
  if (!isObject(input)) refuse('invalid_body', 'The request body must be a JSON object', 'body');
  const body = input as Record<string, unknown>;
  refuseUnknownFields(body, TOP_FIELDS, '');
  const sort = body.sort ?? 'default';
  if (sort !== 'default' && sort !== 'none') {
    refuse('invalid_sort', 'Sort must be a string with the value "default" or "none", or null', 'sort');
  }
  if (body.commands === null) return null;
  if (!Array.isArray(body.commands)) {
    refuse('invalid_commands', 'Commands must be an array of command objects, or null', 'commands');
  }
  const list = body.commands as unknown[];
  if (list.length > L.maxCommands) {
    refuse('too_many_commands', `There is a limit of ${L.maxCommands} commands`, 'commands');
  }
  return { sort: sort as BotCommandSort, commands: list.map((c, i) => command(c, `commands[${i}]`)) };
}
