import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An error body names this many problems, then says how many more there were. */
export const MAX_NAMED_ERRORS = 10;

/**
 * Most values (every field, item and scalar) a body checked against a DTO may hold. The largest
 * real one, settings with a full word filter, holds about 110. class-transformer copies every value
 * of a body, unknown ones included, at a few microseconds each, so without a bound a megabyte of
 * small objects costs half a second of event loop before class-validator can refuse it.
 */
export const MAX_VALIDATED_VALUES = 1_000;

/** Flattens nested class-validator errors into `field.path: message` pairs. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The 400 for a list of problems: the first few named, the rest counted, so its size is bounded. */
export function validationFailure(fields: readonly FieldError[]): BadRequestException {
  const named = fields.slice(0, MAX_NAMED_ERRORS);
  const more = fields.length - named.length;
  const message = named.map((f) => f.message).join('; ');
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: more > 0 ? `${message}; and ${more} more` : message,
    fields: named,
    ...(more > 0 && { more_errors: more }),
  });
}

/** Whether `value` holds more than `limit` values, found without recursion and without looking further. */
export function holdsMoreValuesThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (++seen > limit) return true;
    if (next !== null && typeof next === 'object') {
      for (const child of Object.values(next)) pending.push(child);
    }
  }
  return false;
}

/**
 * Unknown fields are refused, not silently dropped, and no value is coerced: a client that sends
 * `"enabled": "yes"` learns about it instead of getting a surprise. A body too large for any DTO is
 * refused before class-transformer walks it.
 */
class BoundedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.type === 'body' &&
      this.toValidate(metadata) &&
      holdsMoreValuesThan(value, MAX_VALIDATED_VALUES)
    ) {
      throw new BadRequestException(
        `The request body holds more than ${MAX_VALIDATED_VALUES} values; no request to this route needs that many`,
      );
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailure(flattenValidationErrors(errors)),
  });
}
