import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { OutboundFetchError, OutboundRefusedError } from './outbound-errors';
import type { ApprovedTarget, OutboundGuard } from './outbound-guard';

export interface GuardedFetchOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Longest wait from the first connection to the final response's headers, redirects included. */
  readonly timeoutMs?: number;
  /** Longest silence on the connection while the body is read (a live stream never "finishes"). */
  readonly idleTimeoutMs?: number;
  /** The body is cut with an error past this many bytes. */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly signal?: AbortSignal;
}

export interface GuardedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The URL that answered, after redirects. */
  readonly url: URL;
  /** The address the connection went to. */
  readonly address: string;
  /** The body, capped at `maxBytes`; destroy it to stop reading early. */
  readonly body: Readable;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The bounds a fetch gets unless the guard or the call sets others. */
export type FetchLimits = Required<
  Pick<GuardedFetchOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes' | 'maxRedirects'>
>;
export const OUTBOUND_DEFAULTS: FetchLimits = {
  timeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  maxBytes: 1024 * 1024 * 1024,
  maxRedirects: 5,
};

/**
 * Fetches `input` through the guard: every hop (the first URL and each redirect) is approved
 * and connected to the address that was checked; redirects are followed here, never by the HTTP
 * client. Any status other than a redirect is returned as is (a 404 is a response, not an error).
 */
export async function guardedFetch(
  guard: OutboundGuard,
  input: string | URL,
  options: GuardedFetchOptions = {},
): Promise<GuardedResponse> {
  const maxRedirects = options.maxRedirects ?? OUTBOUND_DEFAULTS.maxRedirects;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs);
  let hop = { url: input, method: options.method ?? 'GET', body: options.body };
  for (let redirects = 0; ; redirects++) {
    const target = await guard.approve(hop.url);
    if (deadline.aborted || options.signal?.aborted) {
      throw new OutboundFetchError('the request was cancelled or took too long', target.url.href);
    }
    const response = await send(target, { ...options, ...hop }, deadline);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || !location) return wrap(target, response, options);
    response.destroy();
    if (redirects >= maxRedirects) {
      throw new OutboundFetchError(`more than ${maxRedirects} redirects`, target.url.href);
    }
    const next = resolveLocation(location, target.url);
    // As browsers do: 303 (and 301/302 after a POST) turn into a GET without a body.
    const toGet = response.statusCode === 303 || (hop.method === 'POST' && response.statusCode! <= 302);
    hop = { url: next, method: toGet ? 'GET' : hop.method, body: toGet ? undefined : hop.body };
  }
}

function send(
  target: ApprovedTarget,
  options: GuardedFetchOptions & { method: string; body?: string | Buffer },
  headersBy: AbortSignal,
): Promise<IncomingMessage> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target.url, {
      method: options.method,
      headers: options.headers,
      // A fresh connection per request, to the approved address only: no pooled socket, no second lookup.
      agent: false,
      lookup: pinnedLookup(target),
    });
    const fail = (message: string, cause?: unknown) =>
      req.destroy(new OutboundFetchError(message, target.url.href, { cause }));
    // The deadline covers the wait for headers only; the caller's own signal covers the body too.
    const onDeadline = () => fail('the server took too long to answer', headersBy.reason);
    headersBy.addEventListener('abort', onDeadline, { once: true });
    const onCancel = () => fail('the request was cancelled', options.signal?.reason);
    options.signal?.addEventListener('abort', onCancel, { once: true });
    req.setTimeout(options.idleTimeoutMs ?? OUTBOUND_DEFAULTS.idleTimeoutMs, () =>
      fail('the server stopped sending'),
    );
    let answered: IncomingMessage | undefined;
    req.once('response', (response) => {
      answered = response;
      headersBy.removeEventListener('abort', onDeadline);
      response.once('close', () => options.signal?.removeEventListener('abort', onCancel));
      resolve(response);
    });
    req.on('error', (error) => {
      headersBy.removeEventListener('abort', onDeadline);
      const failure =
        error instanceof OutboundFetchError
          ? error
          : new OutboundFetchError(`request failed: ${error.message}`, target.url.href, { cause: error });
      // Past the headers, a failure (idle, cancelled) ends the body that is being read. Before
      // them, the caller hears of it once the connection is closed: a freed slot is really free.
      if (answered) answered.destroy(failure);
      else if (req.socket && !req.socket.destroyed) req.socket.once('close', () => reject(failure));
      else reject(failure);
    });
    req.end(options.body);
  });
}

/** Answers the HTTP client's name lookup with the address the guard approved. */
function pinnedLookup({ address, family }: ApprovedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all)
      (callback as (e: null, all: { address: string; family: number }[]) => void)(null, [
        { address, family },
      ]);
    else callback(null, address, family);
  };
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new OutboundRefusedError(`the redirect to "${location}" is not a valid URL`, base.href);
  }
}

function wrap(
  target: ApprovedTarget,
  response: IncomingMessage,
  options: GuardedFetchOptions,
): GuardedResponse {
  const maxBytes = options.maxBytes ?? OUTBOUND_DEFAULTS.maxBytes;
  let seen = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes)
        done(new OutboundFetchError(`the response is larger than ${maxBytes} bytes`, target.url.href));
      else done(null, chunk);
    },
  });
  response.once('error', (error) => capped.destroy(error));
  capped.once('close', () => response.destroy());
  response.pipe(capped);
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    url: target.url,
    address: target.address,
    body: capped,
  };
}
