import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { refusalFor } from '#core';
import { ExactBodyException } from './exact-body.exception';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** Maps every failure to one error shape `{statusCode, error, message}`; only a real fault is a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof ExactBodyException) {
      void reply.status(exception.getStatus()).send(exception.body);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    for (const [name, value] of Object.entries(headersFor(exception))) void reply.header(name, value);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) return httpExceptionBody(exception);
    const refusal = refusalFor(exception);
    if (refusal) {
      const { status: statusCode, code, message, field } = refusal;
      const named = { ...(code ? { code } : {}), ...(field ? { field } : {}) };
      return { statusCode, error: statusText(statusCode), message, ...named };
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own client errors: malformed JSON (400), body too large (413), wrong media type (415).
      return {
        statusCode: fastifyStatus,
        error: statusText(fastifyStatus),
        message: (exception as Error).message,
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function httpExceptionBody(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, error: statusText(statusCode), message: response };
  const { message, error, ...rest } = response as Record<string, unknown>;
  return {
    ...rest,
    statusCode,
    error: typeof error === 'string' ? error : statusText(statusCode),
    message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
  };
}

function headersFor(exception: unknown): Record<string, string> {
  const retryAfter = refusalFor(exception)?.retryAfterSeconds;
  return retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
}

function statusText(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}
