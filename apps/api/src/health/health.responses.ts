import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse, type ApiPropertyOptions } from '@nestjs/swagger';
import { ApiErrorBody } from '../openapi/error-bodies';
import { RATE_LIMIT_HEADERS, headers } from '../openapi/headers';
import { ApiOk } from '../openapi/responses';

const EXAMPLE = {
  eventstore: { status: 'up', headPosition: 1284 },
  projections: { status: 'up', guilds: { checkpoint: 1284, head: 1284, lag: 0, caughtUp: true } },
  analytics: { status: 'up', checkpoint: 1280, caughtUp: true, available: true },
  webhooks: { status: 'up', delivering: true, checkpoint: 1284, lag: 0, pending: 3, inFlight: 1 },
};

/** Indicator name → its report: `status` and what it measured. */
const indicators = (description: string, example: object): ApiPropertyOptions => ({
  type: 'object',
  description,
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    required: ['status'],
    additionalProperties: true,
  },
  example,
});

/** `GET /health` when the event store answers (terminus's report). */
export class HealthResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status!: string;
  @ApiProperty(indicators('Indicators that are up', EXAMPLE)) info!: Record<string, unknown>;
  @ApiProperty(indicators('Indicators that are down: none', {})) error!: Record<string, unknown>;
  @ApiProperty(indicators('Every indicator', EXAMPLE)) details!: Record<string, unknown>;
}

/**
 * `GET /health` when the event store is down: terminus's report passed through the error filter,
 * so `statusCode`, `error` and `message` are the one error shape's (the failing indicators are in
 * `details`).
 */
export class HealthUnavailableResponse extends ApiErrorBody {
  @ApiProperty({ enum: ['error'], example: 'error' }) status!: string;
  @ApiProperty(indicators('Indicators that are up', { analytics: EXAMPLE.analytics })) info!: Record<
    string,
    unknown
  >;
  @ApiProperty(
    indicators('Every indicator', {
      ...EXAMPLE,
      eventstore: { status: 'down', message: 'The SQLite event store is closed' },
    }),
  )
  details!: Record<string, unknown>;
}

/** Both answers of `GET /health`; a key, when sent, is counted, so both may carry the rate-limit headers. */
export const ApiHealthResponses = () =>
  applyDecorators(
    ApiOk(HealthResponse, {
      description: 'The event store answers; projection lag and analytics are reported',
    }),
    ApiResponse({
      status: 503,
      description: 'The event store is unreachable',
      type: HealthUnavailableResponse,
      headers: headers(...RATE_LIMIT_HEADERS),
    }),
  );

/** `GET /health/live`: the process answers. */
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status!: string;
}

export const ApiLivenessResponses = () => ApiOk(LivenessResponse, { description: 'The process answers' });

/** Both answers of `GET /health/ready`, in terminus's report shape like `/health`. */
export const ApiReadinessResponses = () =>
  applyDecorators(
    ApiOk(HealthResponse, { description: 'Ready: the event store answers and the read models are current' }),
    ApiResponse({
      status: 503,
      description: 'Not ready: the event store is unreachable, or a projection failed or is too far behind',
      type: HealthUnavailableResponse,
      headers: headers(...RATE_LIMIT_HEADERS),
    }),
  );
