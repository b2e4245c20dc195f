import { applyDecorators } from '@nestjs/common';
import {
  ApiHeader,
  ApiParam,
  ApiProperty,
  ApiQuery,
  ApiResponse,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { SNOWFLAKE_PATTERN } from '../common/snowflake';
import { ApiErrorBody } from './error-bodies';

/** A Discord id as the API takes and gives it: a decimal string, never a JSON number (it would lose precision). */
export const SNOWFLAKE_SCHEMA: SchemaObject = {
  type: 'string',
  pattern: SNOWFLAKE_PATTERN.source,
  description: 'Discord snowflake: a decimal string of up to 20 digits',
};

/** A snowflake property of a request or response class. */
export const ApiSnowflake = (options: ApiPropertyOptions & { example: string }) =>
  ApiProperty({ type: String, pattern: SNOWFLAKE_PATTERN.source, ...options } as ApiPropertyOptions);

/**
 * A path parameter. Fastify refuses a segment over 100 characters with 414 before any controller
 * runs, so every route with a parameter can answer it.
 */
export const ApiPathParam = (name: string, schema: SchemaObject, example: string, description?: string) =>
  applyDecorators(
    // Inside the schema: beside one, @nestjs/swagger drops a parameter's own `example`, and Swagger UI
    // and the Postman collection would send an empty or made-up id.
    ApiParam({
      name,
      required: true,
      schema: { ...schema, example },
      description: description ?? schema.description,
    }),
    ApiResponse({
      status: 414,
      description: 'A path segment is longer than 100 characters',
      type: ApiErrorBody,
      example: {
        statusCode: 414,
        error: 'URI Too Long',
        message: 'A path segment of the URL is longer than 100 characters',
      },
    }),
  );

export const ApiSnowflakeParam = (name: string, example: string, description?: string) =>
  ApiPathParam(name, SNOWFLAKE_SCHEMA, example, description);

/**
 * Reads that honour `X-Guildhall-Min-Position` (read-your-writes): they wait for the read model to
 * reach it, and answer 503 with `Retry-After` rather than stale data when it does not in time.
 */
export const ApiMinPosition = () =>
  ApiHeader({
    name: 'X-Guildhall-Min-Position',
    required: false,
    description:
      "Wait until the read model has applied this global position (a write's `X-Guildhall-Position`)",
    schema: { type: 'integer', minimum: 0, example: 42 },
  });

/**
 * Reads that can answer as of a past moment (`?as_of=`), folded from the event store instead of the
 * read model. docs/API.md ("State as of a moment") says how the two forms are told apart.
 */
export const ApiAsOf = () =>
  ApiQuery({
    name: 'as_of',
    required: false,
    description:
      'The state as of a moment: a global position (digits only: every event up to and including it) or an ' +
      'ISO 8601 time with a zone (every event decided at or before it). Before the server existed: 404. ' +
      'A future time or a position past the end: the current state. Malformed: 400.',
    schema: {
      type: 'string',
      pattern:
        '^(\\d{1,16}|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?)$',
    },
    // The position first: Swagger UI's Try it out sends the first example, and the demo's servers exist
    // by position 4211 (or it is past the demo's end: the current state), not on any fixed date.
    examples: {
      position: { summary: 'A global position', value: '4211' },
      time: { summary: 'A time', value: '2026-03-01T12:00:00Z' },
    },
  });
