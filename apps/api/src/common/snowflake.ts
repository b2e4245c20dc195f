import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { Matches, type ValidationOptions } from 'class-validator';

/**
 * Discord snowflakes are decimal strings of up to 20 digits. The seeds use short ones such as
 * `123456`, so any length from 1 is accepted; leading zeros are not (no real snowflake has them).
 */
export const SNOWFLAKE_PATTERN = /^(0|[1-9][0-9]{0,19})$/;

export function IsSnowflake(options?: ValidationOptions): PropertyDecorator {
  return Matches(SNOWFLAKE_PATTERN, {
    message: ({ property }) =>
      `${property} must be a Discord snowflake (a decimal string of up to 20 digits)`,
    ...options,
  });
}

/** The snowflake `value` of the parameter `name`; a 400 naming the parameter when it is not one. */
export function snowflakeParam(name: string, value: unknown): string {
  if (typeof value !== 'string' || !SNOWFLAKE_PATTERN.test(value)) {
    throw new BadRequestException(
      `${name} must be a Discord snowflake (a decimal string of up to 20 digits)`,
    );
  }
  return value;
}

/** Validates a path parameter as a snowflake, naming the parameter in the 400. */
export class SnowflakePipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    return snowflakeParam(this.name, value);
  }
}
