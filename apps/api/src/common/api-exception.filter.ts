import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, InvalidQueryError, TrackNotFoundError, type RefusalReason } from '#domain';
import { ConcurrencyConflictError, EventStoreUnavailableError } from '#eventstore';
import { AnalyticsUnavailableError } from '#analytics';
import { ExactBodyException } from './exact-body.exception';

const STATUS_BY_REASON: Record<RefusalReason, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
};

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
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_REASON[exception.reason];
      return {
        statusCode,
        error: statusText(statusCode),
        message: exception.message,
        code: exception.code,
        ...(exception.field ? { field: exception.field } : {}),
      };
    }
    if (exception instanceof TrackNotFoundError) {
      return { statusCode: 404, error: 'Not Found', message: exception.message, code: 'track_not_found' };
    }
    if (exception instanceof InvalidQueryError) {
      const { message, field } = exception;
      return { statusCode: 400, error: 'Bad Request', message, code: 'invalid_query', field };
    }
    if (exception instanceof ConcurrencyConflictError) {
      return {
        statusCode: 409,
        error: 'Conflict',
        message: 'The resource was changed concurrently; retry the request',
      };
    }
    if (exception instanceof EventStoreUnavailableError) {
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The event store is unavailable; retry later',
      };
    }
    if (exception instanceof AnalyticsUnavailableError) {
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Analytics are unavailable right now; everything else works. Retry later',
      };
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
  if (
    exception instanceof ConcurrencyConflictError ||
    exception instanceof EventStoreUnavailableError ||
    exception instanceof AnalyticsUnavailableError
  ) {
    return { 'retry-after': '1' };
  }
  return {};
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
