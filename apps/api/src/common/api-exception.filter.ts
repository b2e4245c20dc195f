import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusalFor } from '#core';
import { ExactBodyException } from './exact-body.exception';
import { errorBody, statusText, type ErrorBody } from './error-body';
import { WireNames } from './wire-names';
import { fastifyErrorMessage } from '../http-input/fastify-error-message';

/** Maps every failure to one error shape `{statusCode, error, message}`; only a real fault is a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly wireNames: WireNames) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Global filters also see the Discord door's failures (Necord): those are answered there.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    if (exception instanceof ExactBodyException) {
      void reply.status(exception.getStatus()).send(exception.body);
      return;
    }
    const body = this.toBody(exception, http.getRequest<FastifyRequest>());
    if (body.statusCode >= 500 && body.statusCode !== 503) this.logger.error(exception);
    for (const [name, value] of Object.entries(headersFor(exception))) void reply.header(name, value);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof HttpException) {
      // Exactly HttpException, not a subclass: one of Fastify's own refusals, as Nest passes them on.
      const statusCode = exception.getStatus();
      if (exception.constructor === HttpException && statusCode < 500) {
        return errorBody(statusCode, fastifyErrorMessage(statusCode, exception.message, request));
      }
      return httpExceptionBody(exception);
    }
    const refusal = refusalFor(exception);
    if (refusal) {
      const { status: statusCode, code, message, field } = refusal;
      // The domain names fields its own way (`timeZone`); the client is told the name it sent.
      const named = field ? this.wireNames.rename(request, field, message) : undefined;
      return {
        statusCode,
        error: statusText(statusCode),
        message: named?.message ?? message,
        ...(code ? { code } : {}),
        ...(named ? { field: named.field } : {}),
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
  const retryAfter = refusalFor(exception)?.retryAfterSeconds;
  return retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
}
