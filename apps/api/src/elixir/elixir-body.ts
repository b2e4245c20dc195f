import { BadRequestException } from '@nestjs/common';
import { SNOWFLAKE_PATTERN } from '../common/snowflake';

type Body = Record<string, unknown>;

type Field = 'channel.id' | 'user.id' | 'volume' | 'query';

/**
 * Elixir's body must be a JSON object holding only the route's fields; anything else is a 400 before a
 * field is read. `channel.id` and `user.id` may come flat or nested (`{"user":{"id":…}}`), and a
 * nested object holds `id` only. The first unknown field is named, so the cost stays linear.
 */
export function elixirBody(raw: unknown, fields: readonly Field[]): Body {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BadRequestException('the request body must be a JSON object');
  }
  const body = raw as Body;
  for (const key in body) {
    if (!Object.hasOwn(body, key)) continue;
    if ((fields as readonly string[]).includes(key)) continue;
    const nestedOf = fields.find((field) => field === `${key}.id`);
    if (nestedOf) {
      assertIdOnly(body[key], key);
      continue;
    }
    throw unknownField(key);
  }
  return body;
}

function assertIdOnly(value: unknown, parent: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestException({ message: `${parent} must be an object {"id": …}`, field: parent });
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && key !== 'id') throw unknownField(`${parent}.${key}`);
  }
}

const unknownField = (field: string) =>
  new BadRequestException({
    message: `property ${field} should not exist`,
    field,
    fields: [{ field, message: `property ${field} should not exist` }],
  });

/**
 * Elixir writes its fields `channel.id` and `user.id`: read the flat key first, then the nested
 * `{"user":{"id":…}}` form, so clients of either reading of the document work.
 */
function dotted(body: Body, path: 'channel.id' | 'user.id'): unknown {
  if (body[path] !== undefined) return body[path];
  const [parent, child] = path.split('.');
  const nested = body[parent];
  return typeof nested === 'object' && nested !== null ? (nested as Body)[child] : undefined;
}

export function snowflakeField(body: Body, path: 'channel.id' | 'user.id'): string {
  const value = dotted(body, path);
  if (value === undefined) throw new BadRequestException(`${path} is required`);
  if (typeof value !== 'string' || !SNOWFLAKE_PATTERN.test(value)) {
    throw new BadRequestException(
      `${path} must be a Discord snowflake (a decimal string of up to 20 digits)`,
    );
  }
  return value;
}

/** An int, as the document says; the range (0–100) is the domain's rule and its 400. */
export function volumeField(body: Body): number {
  const value = body.volume;
  if (value === undefined) throw new BadRequestException('volume is required');
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new BadRequestException('volume must be an int between 0 and 100');
  }
  return value;
}

export function queryField(body: Body): string {
  const value = body.query;
  if (value === undefined) throw new BadRequestException('query is required');
  if (typeof value !== 'string')
    throw new BadRequestException('query must be a string: a URL or search text');
  return value;
}
