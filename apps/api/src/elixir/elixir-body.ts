import { BadRequestException } from '@nestjs/common';
import { SNOWFLAKE_PATTERN } from '../common/snowflake';

type Body = Record<string, unknown>;

/** Elixir's body must be a JSON object; anything else is a 400 before a field is read. */
export function elixirBody(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new BadRequestException('the request body must be a JSON object');
  }
  return raw as Body;
}

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
