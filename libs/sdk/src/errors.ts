/** A non-2xx answer, carrying the status and the error body the document declares for it. */
export class GuildhallApiError<Body = unknown> extends Error {
  override readonly name = 'GuildhallApiError';
  readonly status: number;
  /** The parsed error body (each dialect's own shape, e.g. `{ error, message }` or Hexify's 429 body). */
  readonly body: Body;
  /** Seconds to wait before retrying, from `Retry-After` (429, 503), when the server sent one. */
  readonly retryAfter: number | undefined;
  readonly response: Response;

  constructor(response: Response, body: Body) {
    super(`${response.status} ${response.statusText || 'error'}: ${describe(body)}`);
    this.status = response.status;
    this.body = body;
    this.response = response;
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    this.retryAfter = Number.isFinite(retryAfter) ? retryAfter : undefined;
  }
}

function describe(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object' && 'message' in body) return String(body.message);
  return JSON.stringify(body);
}

interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success body of an openapi-fetch call, or a GuildhallApiError with the declared error body. */
export async function unwrap<R extends Outcome>(pending: Promise<R>): Promise<NonNullable<R['data']>> {
  const outcome = await pending;
  if (outcome.response.ok) return outcome.data as NonNullable<R['data']>;
  throw new GuildhallApiError<NonNullable<R['error']>>(
    outcome.response,
    outcome.error as NonNullable<R['error']>,
  );
}
