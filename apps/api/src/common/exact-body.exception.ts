import { HttpException } from '@nestjs/common';

/** An error whose body a seed fixes to the letter: the filter sends `body` unchanged. */
export class ExactBodyException extends HttpException {
  constructor(
    readonly body: Record<string, unknown>,
    status: number,
  ) {
    super(body, status);
  }
}
